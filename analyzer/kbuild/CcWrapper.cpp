// SPDX-License-Identifier: GPL-2.0-only
//===- CcWrapper.cpp - klp-lint-cc, the compiler wrapper ------------------===//
//
//   make CC="klp-lint-cc x86_64-linux-gnu-gcc-12" ...
//
// Most translation units of a build have no livepatch code, so this binary
// is kept light: it links no Clang and only LLVM's support library (linked
// statically), starts in about a millisecond and applies the textual
// prefilter first: when there is nothing to analyze it execs the real
// compiler (the build then runs exactly the compiler). Only for a TU that
// needs a parse (or a module join with livepatch facts) does it run the
// compiler as a child and then hand over to the full klp-lint next to it,
// in a child process with a timeout. The compiler's status and bytes
// stand unless the analysis promotes a finding under an explicit policy, or
// fails while failing closed was asked (KLP_LINT_WERROR).
//
//===----------------------------------------------------------------------===//

#include "kbuild/FactStore.h"
#include "kbuild/Kbuild.h"
#include "support/Process.h"

#include "Revision.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

using namespace klp;

namespace {

/// Does a member of \p Call's module have livepatch facts? Then a join (at
/// <module>.mod.c, or after any member is rebuilt) needs the full analyzer.
bool moduleHasLivepatchFacts(const CompileCall &Call, const std::string &Dir) {
  if (Call.ModName.empty())
    return false;
  auto Objects = moduleObjects(Dir, Call.ModName, /*UseModFile=*/true);
  if (!Objects)
    return false;
  for (const std::string &O : *Objects) {
    llvm::Expected<StoredFacts> F = readFacts(factsPathFor(O));
    if (!F) {
      llvm::consumeError(F.takeError());
      continue;
    }
    if (!F->Skipped)
      return true;
  }
  return false;
}

bool needsFullAnalysis(const CompileCall &Call) {
  std::string Dir = llvm::sys::path::parent_path(Call.Object).str();
  if (Dir.empty())
    Dir = ".";
  if (Call.IsModC)
    return moduleHasLivepatchFacts(Call, Dir);
  if (mentionsLivepatch(Call.Source))
    return true;
  // No livepatch code: no parse, but the module join must know it.
  std::string Path = factsPathFor(Call.Object);
  if (llvm::Error E = writeFacts(Path, TUFacts(), /*Skipped=*/true, Call.Source))
    std::fprintf(stderr, "klp-lint-cc: warning: %s\n",
                 llvm::toString(std::move(E)).c_str());
  return moduleHasLivepatchFacts(Call, Dir);
}

/// Most calls of a build need no analysis: links, assembler files, probes,
/// and C files the prefilter finds no livepatch code in. Deciding that
/// before the compiler runs lets the wrapper become the compiler (exec):
/// no second process to start and wait for. The facts of a skipped file
/// depend only on its text, so writing them first changes nothing.
bool nothingToAnalyze(int Argc, const char **Argv) {
  const char *Off = std::getenv("KLP_LINT_DISABLE");
  if (Off && *Off && std::strcmp(Off, "0") != 0)
    return true;
  CompileCall Call = classifyCompile(std::vector<std::string>(Argv + 2, Argv + Argc));
  return !Call.IsCompile || !needsFullAnalysis(Call);
}

} // namespace

int main(int Argc, const char **Argv) {
  if (Argc == 2 && (!std::strcmp(Argv[1], "--help") || !std::strcmp(Argv[1], "-h"))) {
    std::printf(
        "usage: klp-lint-cc <compiler> <args>...\n"
        "  Runs the compiler unchanged, then analyzes livepatch translation\n"
        "  units with the klp-lint next to it (make CC=\"klp-lint-cc gcc\").\n"
        "  The build's result and bytes are the compiler's unless\n"
        "  KLP_LINT_WERROR=1 (or --werror in KLP_LINT_FLAGS) is set: then a\n"
        "  promoted finding or a failed analysis fails the build.\n"
        "Environment: KLP_LINT_FLAGS, KLP_LINT_WERROR, KLP_LINT_DISABLE,\n"
        "  KLP_LINT_TIMEOUT (seconds, default 300), KLP_LINT_PCH_CACHE.\n"
        "See docs/kbuild.md.\n");
    return 0;
  }
  if (Argc == 2 && !std::strcmp(Argv[1], "--version")) {
    std::printf("klp-lint-cc " KLP_LINT_VERSION " (git " KLP_LINT_REVISION ")\n");
    return 0;
  }
  if (Argc >= 2 && nothingToAnalyze(Argc, Argv)) {
    ::execvp(Argv[1], const_cast<char *const *>(Argv + 1));
    std::fprintf(stderr, "klp-lint-cc: cannot run '%s': %s\n", Argv[1],
                 std::strerror(errno));
    return ExitCannotRun;
  }
  std::vector<std::string> Command;
  int Status = 0;
  std::optional<CompileCall> Call =
      wrapCompiler(Argc, Argv, /*RunCompiler=*/true, Command, Status);
  if (!Call || !needsFullAnalysis(*Call))
    return Status;

  llvm::SmallString<256> Full(llvm::sys::path::parent_path(
      llvm::sys::fs::getMainExecutable(Argv[0], (void *)&main)));
  llvm::sys::path::append(Full, "klp-lint");
  std::vector<std::string> Analyze{std::string(Full), "--kbuild-analyze"};
  Analyze.insert(Analyze.end(), Command.begin(), Command.end());
  int RC = runProgram(Analyze, "klp-lint-cc", analysisTimeout());
  return buildStatus(Status, RC, failClosedFromEnvironment(), Call->Source,
                     "klp-lint-cc");
}
