/* SPDX-License-Identifier: GPL-2.0-only */
//===- GitView.h - The sources as git has them -----------------*- C++ -*-===//
//
// Diff gating compares two analyses of the same modules: the sources as
// they are now and as they were at a revision. A pre-commit hook analyzes
// the sources as they will be committed: the index. Both are views of the
// work tree, laid over it in memory (like a source patch, ModuleInput's
// Overlay): the files where the view differs from the disk, and which files
// the view does not have. Nothing is checked out or written.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_DRIVER_GITVIEW_H
#define KLP_DRIVER_GITVIEW_H

#include "driver/Inputs.h"
#include "report/LineFilter.h"

#include <llvm/Support/Error.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace klp {

struct GitView {
  std::string Top;   ///< the work tree
  std::string Name;  ///< as messages say it: "HEAD~1", "the index"
  std::string Tree;  ///< the tree object of a revision ("" for the index)
  /// Absolute path -> contents in the view, where they differ from the disk.
  std::map<std::string, std::string> Overlay;
  /// Paths (relative to Top) of the files the view has.
  std::set<std::string> Files;

  /// Does the view have \p Abs? Files outside the work tree (a kernel's
  /// headers) are the same in every view.
  bool has(const std::string &Abs) const;
};

/// The work tree as revision \p Rev has it. A revision git does not know is
/// an error naming it.
llvm::Expected<GitView> gitViewAt(const std::string &Rev);

/// The work tree as the index has it (what `git commit` would record).
llvm::Expected<GitView> gitIndexView();

/// Lay \p View over \p Modules: its contents replace the disk's, and the
/// translation units it does not have are dropped (a module left empty too).
void applyView(std::vector<ModuleInput> &Modules, const GitView &View);

/// The lines of the sources now (the work tree, or the index with
/// \p Staged) that differ from \p Base: added or changed lines per file.
llvm::Expected<LineFilter> changedLines(const GitView &Base, bool Staged);

/// The staged files (added, copied, modified or renamed), absolute.
llvm::Expected<std::vector<std::string>> stagedFiles();

} // namespace klp

#endif
