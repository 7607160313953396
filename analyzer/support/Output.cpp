// SPDX-License-Identifier: GPL-2.0-only
//===- Output.cpp - Output that cannot be lost silently ------------------===//

#include "support/Output.h"

#include <llvm/Support/FileSystem.h>

namespace klp {

std::optional<std::string>
writeFile(const std::string &Path,
          llvm::function_ref<void(llvm::raw_ostream &)> Fill) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
  if (EC)
    return "cannot write '" + Path + "': " + EC.message();
  Fill(OS);
  OS.close();
  if (OS.has_error()) {
    std::string Why = "cannot write '" + Path + "': " + OS.error().message();
    OS.clear_error();
    return Why;
  }
  return std::nullopt;
}

std::optional<std::string> standardStreamsError() {
  std::optional<std::string> Why;
  auto Check = [&](llvm::raw_fd_ostream &OS, const char *Name) {
    OS.flush();
    if (!OS.has_error())
      return;
    if (!Why)
      Why = std::string("cannot write to ") + Name + ": " +
            OS.error().message();
    OS.clear_error();
  };
  Check(llvm::outs(), "standard output");
  Check(llvm::errs(), "standard error");
  return Why;
}

} // namespace klp
