// SPDX-License-Identifier: GPL-2.0-only
//===- ElfRun.cpp - Built objects and modules as inputs -------------------===//

#include "driver/ElfRun.h"

#include "BinaryModel.h"
#include "ElfModule.h"
#include "check/ElfCheck.h"
#include "support/Paths.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/raw_ostream.h>

#include <fstream>

namespace klp {

bool isElfFile(llvm::StringRef File) {
  // Only a regular file can be a built module; opening a FIFO to read its
  // magic would wait for a writer (the inputs' own check reports it).
  if (!llvm::sys::fs::is_regular_file(File))
    return false;
  std::ifstream In(File.str(), std::ios::binary);
  char Magic[4] = {};
  return In.read(Magic, 4) && Magic[0] == 0x7f && Magic[1] == 'E' &&
         Magic[2] == 'L' && Magic[3] == 'F';
}

bool hasObjectName(llvm::StringRef File) {
  return File.ends_with(".o") || File.ends_with(".ko");
}

std::vector<std::string> takeBuiltFiles(std::vector<std::string> &Files) {
  std::vector<std::string> Built, Rest;
  for (std::string &F : Files)
    (hasObjectName(F) || isElfFile(F) ? Built : Rest).push_back(std::move(F));
  Files = std::move(Rest);
  return Built;
}

namespace {

/// One built file through the checks; false if it could not be read.
void checkOne(const std::string &File, SettingsResolver &Resolver, Report &R) {
  auto Fail = [&](const std::string &Why) {
    R.fail({File, "cannot analyze '" + File + "': " + Why}, llvm::errs());
  };
  if (!llvm::sys::fs::exists(File))
    return Fail("no such file");
  if (llvm::sys::fs::is_directory(File))
    return Fail("is a directory, not an object file");
  llvm::Expected<elf::ElfModule> M = elf::ElfModule::open(File);
  if (!M) {
    // The reader's message names the file already.
    std::string Why = llvm::toString(M.takeError());
    llvm::StringRef Msg(Why);
    Msg.consume_front(File + ": ");
    return Fail(Msg.str());
  }
  llvm::Expected<elf::BinaryModel> B = elf::recoverBinaryModel(*M);
  if (!B)
    return Fail("cannot recover its patches: " + llvm::toString(B.takeError()));
  const Settings *S = Resolver.forFile(File);
  if (!S)
    return Fail("invalid configuration");
  R.analyzed(File, /*HasLines=*/false);
  Generation G = B->Generation == "A"   ? Generation::A
                 : B->Generation == "B" ? Generation::B
                 : B->Generation == "C" ? Generation::C
                                        : Generation::Unknown;
  ElfInput In{File, *M, *B};
  std::vector<Finding> Findings;
  for (const Check *C : S->Enabled->withScope(Scope::Elf))
    if (appliesTo(C->info().Generations, G))
      C->asElf()->checkElf(In, Findings);
  R.emit(R.admit(std::move(Findings), S->WarningsAsErrors), nullptr,
         llvm::errs());
}

} // namespace

void runElfFiles(const std::vector<std::string> &Files,
                 SettingsResolver &Resolver, Report &R) {
  for (const std::string &F : Files)
    checkOne(absolutePath(F), Resolver, R);
}

} // namespace klp
