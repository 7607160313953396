/* SPDX-License-Identifier: GPL-2.0-only */
//===- Diff.h - Unified diffs: read, applied in memory ---------*- C++ -*-===//
//
// The source patches kpatch-build and klp-build take are unified diffs
// ("diff -u", "git diff", "git format-patch"), applied with "patch -p1".
// This reads them and applies them to file contents in memory, remembering
// for every line of the result which patch, hunk and patch-file line added
// it, so that a finding on a line can be traced back to the patch.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_DRIVER_DIFF_H
#define KLP_DRIVER_DIFF_H

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Error.h>

#include <string>
#include <vector>

namespace klp {

struct DiffLine {
  char Kind = ' ';        ///< ' ' context, '-' removed, '+' added
  std::string Text;       ///< without the kind character and the newline
  unsigned PatchLine = 0; ///< line of the patch file
};

struct DiffHunk {
  unsigned OldStart = 0, OldCount = 0, NewStart = 0, NewCount = 0;
  std::string Header;     ///< "@@ -a,b +c,d @@", as written
  unsigned PatchLine = 0; ///< the line of the header
  std::vector<DiffLine> Lines;
  /// "\ No newline at end of file" after the last line of each side.
  bool OldNoNewline = false, NewNoNewline = false;
};

struct FileDiff {
  std::string OldPath, NewPath; ///< -p1 stripped; "" for /dev/null
  unsigned HeaderLine = 0;      ///< the "+++" line
  std::vector<DiffHunk> Hunks;
};

struct PatchFile {
  std::string Path;    ///< as given
  std::string AbsPath; ///< absolute, for locations
  std::vector<FileDiff> Files;
};

/// Read the unified diff \p Text of patch file \p Path; paths lose their
/// first \p Strip components (patch -p1). Mail headers, commit messages and
/// diffstats around the diffs are ignored; renames, copies and binary diffs
/// are refused.
llvm::Expected<PatchFile> parsePatch(llvm::StringRef Path, llvm::StringRef Text,
                                     unsigned Strip = 1);

/// Where a line of a patched file comes from.
struct LineOrigin {
  int Patch = -1;         ///< index of the patch that added it; -1: the tree
  unsigned Hunk = 0;      ///< index of its hunk in the patch's FileDiff
  unsigned File = 0;      ///< index of the FileDiff in the patch
  unsigned PatchLine = 0; ///< its line in the patch file
  unsigned TreeLine = 0;  ///< its line in the unpatched file (Patch == -1)
};

/// A file's lines while patches are applied to it.
struct PatchedText {
  bool Exists = false;
  std::vector<std::string> Lines;
  std::vector<LineOrigin> Origin;
  bool NoFinalNewline = false;

  /// The unpatched file \p Text (every line from the tree).
  static PatchedText fromTree(llvm::StringRef Text);
  std::string text() const;
};

/// Apply \p D (file diff \p FileIndex of patch \p PatchIndex) to \p T. A hunk
/// applies where its old lines are, at the position its header names
/// shifted by what earlier hunks added or removed, or the nearest position
/// above or below (patch's "offset"; no fuzz). The error names the hunk.
llvm::Error applyFileDiff(PatchedText &T, const FileDiff &D, int PatchIndex,
                          unsigned FileIndex, llvm::StringRef PatchName);

} // namespace klp

#endif
