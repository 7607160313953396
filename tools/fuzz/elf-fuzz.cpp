// SPDX-License-Identifier: GPL-2.0-only
//===- elf-fuzz.cpp - libFuzzer target over klp-elf -----------------------===//
//
// Every input goes through ElfModule::fromBuffer() and, when it reads,
// through every accessor and BinaryModel recovery with each layout choice
// (DWARF, each known layout), then through JSON. Any crash, sanitizer
// report or hang is a bug of klp-elf: bad input must end in an llvm::Error.
//
//===----------------------------------------------------------------------===//

#include "BinaryModel.h"
#include "ElfModule.h"

#include <llvm/Support/raw_ostream.h>

#include <cstddef>
#include <cstdint>

using namespace klp::elf;

namespace {

/// Reads every field the checks will read, so that a value that is wrong
/// but not validated shows up under the sanitizers.
size_t touch(const ElfModule &M) {
  size_t H = M.sections().size() + M.symbols().size();
  for (const Section &S : M.sections()) {
    H += S.Name.size() + S.Data.size();
    if (!S.Data.empty())
      H += S.Data.front() + S.Data.back();
    H += M.readUnsigned(S, S.Size ? S.Size - 1 : 0, 1).value_or(0);
    H += M.readCString(S, 0).value_or("").size();
  }
  for (const Symbol &S : M.symbols())
    H += S.Name.size() + M.sectionNameOf(S).size();
  for (const RelocationSection &RS : M.relocationSections()) {
    H += M.section(RS.SectionIndex)->Name.size();
    if (RS.TargetIndex)
      H += M.relocationsFor(*RS.TargetIndex).size();
    for (const Relocation &R : RS.Relocations) {
      H += uint64_t(M.addendOf(RS, R));
      if (RS.UsesMainSymbolTable)
        H += M.symbol(R.SymbolIndex)->Name.size();
    }
  }
  for (const ModInfoEntry &E : M.modInfo())
    H += E.Key.size() + E.Value.size();
  H += M.modInfoValues("livepatch").size() + M.modInfoValues("depends").size();
  for (const KlpRelaSection &K : M.klpRelaSections())
    H += M.section(K.SectionIndex)->Name.size() + K.Object.size();
  for (const KlpSymbol &K : M.klpSymbols())
    H += M.symbol(K.SymbolIndex)->Name.size() + K.Name.size() + K.Pos;
  return H;
}

void recover(const ElfModule &M, const RecoverOptions &O) {
  auto Model = recoverBinaryModel(M, O);
  if (!Model) {
    llvm::consumeError(Model.takeError());
    return;
  }
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << toJSON(*Model);
  OS.flush();
  auto Parsed = llvm::json::parse(Text);
  BinaryModel Back;
  llvm::json::Path::Root Root;
  // The mapping must read back what it wrote, whatever the input was.
  if (!Parsed || !fromJSON(*Parsed, Back, Root) ||
      !(Back.Patches == Model->Patches))
    __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  auto M = ElfModule::fromBuffer(llvm::ArrayRef<uint8_t>(Data, Size), "fuzz");
  if (!M) {
    llvm::consumeError(M.takeError());
    return 0;
  }
  volatile size_t Sink = touch(*M);
  (void)Sink;
  recover(*M, {});
  RecoverOptions NoDwarf;
  NoDwarf.IgnoreDwarf = true;
  recover(*M, NoDwarf);
  for (const std::string &L : knownLayoutNames()) {
    RecoverOptions Forced;
    Forced.KnownLayout = L;
    recover(*M, Forced);
  }
  return 0;
}
