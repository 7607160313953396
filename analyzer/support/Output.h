/* SPDX-License-Identifier: GPL-2.0-only */
//===- Output.h - Output that cannot be lost silently ----------*- C++ -*-===//
//
// A report that did not reach its file (a full disk, a closed pipe) is a
// failed run, exit 2 with the file named, never an exit code that says the
// findings were promoted (1) or nothing was found (0). LLVM's streams
// remember write errors and abort at exit if nobody looked; these helpers
// look, say what failed, and clear the error.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_SUPPORT_OUTPUT_H
#define KLP_SUPPORT_OUTPUT_H

#include <llvm/ADT/STLFunctionalExtras.h>
#include <llvm/Support/raw_ostream.h>

#include <optional>
#include <string>

namespace klp {

/// Write \p Path with \p Fill. Returns why it failed (cannot open, cannot
/// write, cannot close), naming the file, or std::nullopt.
std::optional<std::string>
writeFile(const std::string &Path,
          llvm::function_ref<void(llvm::raw_ostream &)> Fill);

/// Flush standard output and error; for each that failed, clear the error
/// and return why ("cannot write to standard output: ...").
std::optional<std::string> standardStreamsError();

} // namespace klp

#endif
