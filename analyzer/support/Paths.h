/* SPDX-License-Identifier: GPL-2.0-only */
//===- Paths.h - File names as klp-lint reports them -----------*- C++ -*-===//

#ifndef KLP_SUPPORT_PATHS_H
#define KLP_SUPPORT_PATHS_H

#include <llvm/ADT/StringRef.h>

#include <string>

namespace klp {

/// \p Path made absolute (against \p Base when given, else the current
/// directory) with "." and ".." removed. Findings and facts always name files
/// this way: a compile database's relative paths are relative to its entry's
/// directory, not to where klp-lint runs.
std::string absolutePath(llvm::StringRef Path, llvm::StringRef Base = "");

} // namespace klp

#endif
