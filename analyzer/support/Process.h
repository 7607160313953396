/* SPDX-License-Identifier: GPL-2.0-only */
//===- Process.h - Running other programs ----------------------*- C++ -*-===//

#ifndef KLP_SUPPORT_PROCESS_H
#define KLP_SUPPORT_PROCESS_H

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Error.h>

#include <functional>
#include <string>
#include <vector>

namespace klp {

/// Exit status runProgram() returns when the program could not be started.
constexpr int ExitCannotRun = 127;
/// ...and when it ran longer than the timeout and was killed.
constexpr int ExitTimedOut = 124;

/// Run \p Argv (argv[0] looked up in PATH) with this process's stdio and
/// return its exit status (128 + signal when killed by one). With
/// \p TimeoutSeconds > 0 the program is killed after that long. \p Who
/// prefixes the message printed when it cannot be started.
int runProgram(llvm::ArrayRef<std::string> Argv, llvm::StringRef Who,
               unsigned TimeoutSeconds = 0);

/// Run \p Body in a child process (fork, no exec) and return its result as
/// runProgram() would: its return value, 128 + signal, or ExitTimedOut after
/// \p TimeoutSeconds (0: none). A crash or hang in \p Body cannot take this
/// process down. Call it while the process has a single thread.
int runChild(const std::function<int()> &Body, unsigned TimeoutSeconds);

/// Run git with \p Args (the words after "git") in \p Dir and return what it
/// printed on stdout; an error carries its stderr. Callers pass user-given
/// revisions after "--end-of-options" so they can never become options.
llvm::Expected<std::string> runGit(llvm::ArrayRef<std::string> Args,
                                   llvm::StringRef Dir = "");

/// The top of the git work tree containing \p Dir (default: the current
/// directory), or "".
std::string gitTopLevel(llvm::StringRef Dir = "");

} // namespace klp

#endif
