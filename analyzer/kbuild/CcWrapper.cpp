//===- CcWrapper.cpp - klp-lint-cc, the compiler wrapper ------------------===//
//
//   make CC="klp-lint-cc x86_64-linux-gnu-gcc-12" ...
//
// Most translation units of a build have no livepatch code, so this binary
// is kept light: it links no Clang and only LLVM's support library (linked
// statically), starts in about a millisecond, runs the real compiler,
// applies the textual prefilter, and only for a TU that needs a parse (or a
// module join at <module>.mod.c with livepatch facts) hands over to the full
// klp-lint next to it. The compiler's status stands unless the analysis
// promotes a finding under an explicit policy.
//
//===----------------------------------------------------------------------===//

#include "kbuild/FactStore.h"
#include "kbuild/Kbuild.h"
#include "support/Process.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace klp;

static bool needsFullAnalysis(const CompileCall &Call) {
  std::string Dir = llvm::sys::path::parent_path(Call.Object).str();
  if (Dir.empty())
    Dir = ".";
  if (Call.IsModC) {
    // Join only modules with livepatch facts.
    auto Objects = moduleObjects(Dir, Call.ModName, /*UseModFile=*/true);
    if (!Objects || Call.ModName.empty())
      return false;
    for (const std::string &O : *Objects) {
      bool Skipped = false;
      if (readFacts(factsPathFor(O), Skipped) && !Skipped)
        return true;
    }
    return false;
  }
  if (mentionsLivepatch(Call.Source))
    return true;
  // No livepatch code: no parse, but the module join must know it.
  std::string Error;
  std::string Path = factsPathFor(Call.Object);
  if (!writeFacts(Path, TUFacts(), /*Skipped=*/true, Error))
    std::fprintf(stderr, "klp-lint: warning: cannot write '%s': %s\n",
                 Path.c_str(), Error.c_str());
  return false;
}

int main(int Argc, const char **Argv) {
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
  // Exit 1 means a finding was promoted by the policy; anything else from
  // the analysis (it already printed its one warning) leaves the build be.
  return runProgram(Analyze, "klp-lint-cc") == 1 ? 1 : Status;
}
