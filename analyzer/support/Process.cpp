// SPDX-License-Identifier: GPL-2.0-only
//===- Process.cpp - Running other programs -------------------------------===//

#include "Process.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Program.h>
#include <llvm/Support/raw_ostream.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <sys/wait.h>
#include <unistd.h>

namespace klp {

namespace {

/// Wait for \p Pid, killing it after \p TimeoutSeconds (0: never).
int waitFor(pid_t Pid, unsigned TimeoutSeconds) {
  int Status = 0;
  if (TimeoutSeconds == 0) {
    while (waitpid(Pid, &Status, 0) < 0)
      if (errno != EINTR)
        return ExitCannotRun;
  } else {
    // Poll: a timeout is rare and a 2 ms tick costs nothing next to a parse.
    struct timespec Tick = {0, 2 * 1000 * 1000};
    time_t Deadline = time(nullptr) + TimeoutSeconds;
    for (;;) {
      pid_t R = waitpid(Pid, &Status, WNOHANG);
      if (R == Pid)
        break;
      if (R < 0 && errno != EINTR)
        return ExitCannotRun;
      if (time(nullptr) >= Deadline) {
        kill(Pid, SIGKILL);
        while (waitpid(Pid, &Status, 0) < 0 && errno == EINTR)
          ;
        return ExitTimedOut;
      }
      nanosleep(&Tick, nullptr);
    }
  }
  if (WIFEXITED(Status))
    return WEXITSTATUS(Status);
  return 128 + (WIFSIGNALED(Status) ? WTERMSIG(Status) : 0);
}

} // namespace

int runChild(const std::function<int()> &Body, unsigned TimeoutSeconds) {
  std::fflush(stdout);
  std::fflush(stderr);
  pid_t Pid = fork();
  if (Pid < 0)
    return Body(); // no child to be had: run it here
  if (Pid == 0) {
    int RC = Body();
    llvm::outs().flush();
    std::fflush(stdout);
    std::fflush(stderr);
    _exit(RC);
  }
  return waitFor(Pid, TimeoutSeconds);
}

int runProgram(llvm::ArrayRef<std::string> Argv, llvm::StringRef Who,
               unsigned TimeoutSeconds) {
  if (Argv.empty())
    return ExitCannotRun;
  std::vector<char *> Args;
  for (const std::string &A : Argv)
    Args.push_back(const_cast<char *>(A.c_str()));
  Args.push_back(nullptr);
  pid_t Pid = fork();
  if (Pid < 0) {
    std::fprintf(stderr, "%s: cannot fork: %s\n", Who.str().c_str(),
                 std::strerror(errno));
    return ExitCannotRun;
  }
  if (Pid == 0) {
    execvp(Args[0], Args.data());
    std::fprintf(stderr, "%s: cannot run '%s': %s\n", Who.str().c_str(),
                 Argv[0].c_str(), std::strerror(errno));
    _exit(ExitCannotRun);
  }
  return waitFor(Pid, TimeoutSeconds);
}

llvm::Expected<std::string> runGit(llvm::ArrayRef<std::string> Args,
                                   llvm::StringRef Dir) {
  auto Error = [](const llvm::Twine &Msg) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg);
  };
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return Error("git is not installed");
  llvm::SmallString<128> Out, Err;
  if (llvm::sys::fs::createTemporaryFile("klp-lint-git", "out", Out) ||
      llvm::sys::fs::createTemporaryFile("klp-lint-git", "err", Err))
    return Error("cannot create a temporary file for git's output");
  std::vector<llvm::StringRef> Argv{*Git};
  std::vector<std::string> Words;
  if (!Dir.empty())
    Words = {"-C", Dir.str()};
  Words.insert(Words.end(), Args.begin(), Args.end());
  for (const std::string &W : Words)
    Argv.push_back(W);
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""),
                                                Out.str(), Err.str()};
  std::string ExecError;
  int RC = llvm::sys::ExecuteAndWait(*Git, Argv, std::nullopt, Redirects, 0, 0,
                                     &ExecError);
  auto Read = [](llvm::StringRef Path) {
    auto Buf = llvm::MemoryBuffer::getFile(Path);
    return Buf ? (*Buf)->getBuffer().str() : std::string();
  };
  std::string Stdout = Read(Out), Stderr = Read(Err);
  llvm::sys::fs::remove(Out);
  llvm::sys::fs::remove(Err);
  if (RC != 0)
    return Error(llvm::StringRef(Stderr.empty() ? ExecError : Stderr).trim());
  return Stdout;
}

std::string gitTopLevel(llvm::StringRef Dir) {
  llvm::Expected<std::string> Top = runGit({"rev-parse", "--show-toplevel"}, Dir);
  if (!Top) {
    llvm::consumeError(Top.takeError());
    return "";
  }
  return llvm::StringRef(*Top).trim().str();
}

} // namespace klp
