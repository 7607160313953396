// SPDX-License-Identifier: GPL-2.0-only
//===- Support.cpp - Small helpers shared by every part of klp-lint -------===//

#include "Hash.h"
#include "Paths.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <cstdio>

namespace klp {

std::string hashHex(uint64_t H) {
  char Buf[17];
  std::snprintf(Buf, sizeof Buf, "%016llx", static_cast<unsigned long long>(H));
  return Buf;
}

std::string absolutePath(llvm::StringRef Path, llvm::StringRef Base) {
  llvm::SmallString<256> Abs(Path);
  if (!llvm::sys::path::is_absolute(Abs)) {
    if (Base.empty()) {
      llvm::sys::fs::make_absolute(Abs);
    } else {
      Abs = Base;
      llvm::sys::path::append(Abs, Path);
      llvm::sys::fs::make_absolute(Abs);
    }
  }
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

} // namespace klp
