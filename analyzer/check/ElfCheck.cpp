// SPDX-License-Identifier: GPL-2.0-only
//===- ElfCheck.cpp - Checks of a built object or module ------------------===//

#include "check/ElfCheck.h"

#include "BinaryModel.h"
#include "ElfModule.h"

namespace klp {

namespace {

constexpr uint32_t ShtSymtab = 2;
constexpr uint8_t ShtSectionSymbol = 3; // STT_SECTION

/// Where \p Off of \p S is in the file, when the section has file bytes
/// there.
std::optional<uint64_t> fileOffset(const elf::Section &S, uint64_t Off) {
  if (S.isNoBits() || Off >= S.Data.size())
    return std::nullopt;
  return S.Offset + Off;
}

} // namespace

Loc ElfCheck::atFile(const ElfInput &In) {
  Loc L;
  L.File = In.File;
  L.InBinary = true;
  return L;
}

Loc binaryLoc(const elf::ElfModule &M, const std::string &File,
              uint32_t Section, uint64_t Offset) {
  Loc L;
  L.File = File;
  L.InBinary = true;
  if (const elf::Section *S = M.section(Section)) {
    L.Section = S->Name.empty() ? "[" + std::to_string(Section) + "]" : S->Name;
    L.SectionOffset = Offset;
    L.FileOffset = fileOffset(*S, Offset);
  }
  return L;
}

Loc ElfCheck::at(const ElfInput &In, uint32_t Section, uint64_t Offset) {
  return binaryLoc(In.Elf, In.File, Section, Offset);
}

Loc ElfCheck::atSymbol(const ElfInput &In, uint32_t Symbol) {
  Loc L = atFile(In);
  for (const elf::Section &S : In.Elf.sections())
    if (S.Type == ShtSymtab) {
      uint64_t Size = S.EntSize ? S.EntSize : (In.Elf.is64Bit() ? 24 : 16);
      L = at(In, S.Index, Symbol * Size);
      break;
    }
  if (const elf::Symbol *Y = In.Elf.symbol(Symbol))
    L.Symbol = Y->Name;
  return L;
}

Loc ElfCheck::atRelocation(const ElfInput &In, uint32_t Section, size_t Index) {
  const elf::Section *S = In.Elf.section(Section);
  uint64_t Size = S && S->EntSize ? S->EntSize : 0;
  if (!Size) {
    bool Rela = S && S->Type == 4; // SHT_RELA
    Size = In.Elf.is64Bit() ? (Rela ? 24 : 16) : (Rela ? 12 : 8);
  }
  return at(In, Section, Index * Size);
}

bool isLinkedModule(const elf::ElfModule &M) {
  for (const elf::Symbol &S : M.symbols())
    if (S.Name == "__this_module" && S.SectionIndex)
      return true;
  return false;
}

bool hasLivepatchCode(const ElfInput &In) {
  if (!In.Binary.Patches.empty() || !In.Elf.klpRelaSections().empty() ||
      !In.Elf.klpSymbols().empty())
    return true;
  for (const elf::Symbol &S : In.Elf.symbols())
    if (S.Name == "klp_enable_patch")
      return true;
  return false;
}

std::string relocatedSymbolAt(const elf::ElfModule &M, uint32_t Section,
                              uint64_t Offset) {
  for (const elf::RelocationSection *RS : M.relocationsFor(Section)) {
    if (!RS->UsesMainSymbolTable)
      continue;
    for (const elf::Relocation &R : RS->Relocations) {
      if (R.Offset != Offset || R.Type == 0)
        continue;
      const elf::Symbol *Y = M.symbol(R.SymbolIndex);
      if (!Y)
        return "";
      if (Y->Type != ShtSectionSymbol || !Y->SectionIndex)
        return Y->Name;
      // Static functions are often reached through their section's symbol
      // plus an addend: name the function that starts there.
      int64_t At = M.addendOf(*RS, R);
      for (const elf::Symbol &F : M.symbols())
        if (F.SectionIndex == Y->SectionIndex && int64_t(F.Value) == At &&
            !F.Name.empty() && F.Type != ShtSectionSymbol)
          return F.Name;
      const elf::Section *S = M.section(*Y->SectionIndex);
      return (S ? S->Name : std::string("?")) + "+" + std::to_string(At);
    }
  }
  return "";
}

} // namespace klp
