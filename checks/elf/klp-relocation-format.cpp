// SPDX-License-Identifier: GPL-2.0-only
//===- klp-relocation-format.cpp - elf-klp-relocation-format --------------===//
//
// Livepatch relocation sections and symbols that do not follow the module ELF
// format (.klp.rela.<obj>.<section> with SHF_RELA_LIVEPATCH,
// .klp.sym.<obj>.<name>,<pos> with SHN_LIVEPATCH), so the module fails to
// load.
//
// Documentation/livepatch/module-elf-format.rst: the loader leaves sections
// flagged SHF_RELA_LIVEPATCH to the livepatch core, which parses their names
// with ".klp.rela.%55[^.]" and resolves each of their symbols, which must be
// SHN_LIVEPATCH and parse as ".klp.sym.%55[^.].%511[^,],%lu". A .klp.rela
// section without the flag is applied by the loader itself, which cannot
// resolve SHN_LIVEPATCH symbols; any other deviation makes
// klp_write_object_relocs()/klp_resolve_symbols() fail, so the module does
// not load (docs/semantics.md#rule-elf-klp-relocation-format). ElfModule
// parses exactly what the kernel's sscanf() formats accept.
//
//===----------------------------------------------------------------------===//

#include "check/ElfCheck.h"

#include "ElfModule.h"

#include <fmt/format.h>

#include <algorithm>

namespace klp::checks {

namespace {

class ElfKlpRelocationFormatCheck : public ElfCheck {
public:
  using ElfCheck::ElfCheck;
  void checkElf(const ElfInput &In, std::vector<Finding> &Out) const override {
    for (const elf::KlpRelaSection &K : In.Elf.klpRelaSections())
      checkSection(In, K, Out);
    for (const elf::KlpSymbol &S : In.Elf.klpSymbols())
      checkSymbol(In, S, Out);
  }

private:
  void checkSection(const ElfInput &In, const elf::KlpRelaSection &K,
                    std::vector<Finding> &Out) const;
  void checkSymbol(const ElfInput &In, const elf::KlpSymbol &S,
                   std::vector<Finding> &Out) const;
};

void ElfKlpRelocationFormatCheck::checkSection(const ElfInput &In,
                                               const elf::KlpRelaSection &K,
                                               std::vector<Finding> &Out) const {
  const elf::ElfModule &M = In.Elf;
  const std::string &Name = M.section(K.SectionIndex)->Name;
  Loc Where = at(In, K.SectionIndex, 0);
  if (!K.HasLivepatchFlag) {
    // Not the livepatch core's: the loader applies it like any relocation
    // section, unless it is no relocation section at all.
    if (K.IsRelocationType)
      Out.push_back(finding(
          Where, fmt::format("livepatch relocation section '{}' lacks the "
                             "SHF_RELA_LIVEPATCH flag (0x00100000): the "
                             "module loader applies it itself and cannot "
                             "resolve its livepatch symbols, so the module "
                             "does not load",
                             Name)));
    return;
  }
  if (!K.Error.empty()) {
    Out.push_back(finding(
        Where, fmt::format("section '{}' has SHF_RELA_LIVEPATCH but its name "
                           "is not '.klp.rela.<object>.<section>' ({}): the "
                           "livepatch core refuses the module",
                           Name, K.Error)));
    return;
  }
  if (!K.IsRelocationType) {
    Out.push_back(finding(
        Where, fmt::format("section '{}' has SHF_RELA_LIVEPATCH but is not a "
                           "relocation section: the livepatch core would "
                           "read its bytes as relocations",
                           Name)));
    return;
  }
  if (K.ObjectTruncated)
    Out.push_back(finding(
        Where,
        fmt::format("livepatch relocation section '{}' names an object "
                    "longer than {} characters: the kernel reads '{}', which "
                    "no module can be called, so these relocations are never "
                    "applied",
                    Name, elf::KlpMaxObjectNameLen, K.Object)));
  // Each symbol once, at its first relocation.
  for (const elf::RelocationSection &RS : M.relocationSections()) {
    if (RS.SectionIndex != K.SectionIndex || !RS.UsesMainSymbolTable)
      continue;
    std::vector<uint32_t> Seen;
    for (size_t I = 0; I < RS.Relocations.size(); ++I) {
      uint32_t Y = RS.Relocations[I].SymbolIndex;
      if (!llvm::is_contained(K.NonLivepatchSymbols, Y) ||
          llvm::is_contained(Seen, Y))
        continue;
      Seen.push_back(Y);
      const elf::Symbol *Sym = M.symbol(Y);
      Finding F = finding(
          atRelocation(In, K.SectionIndex, I),
          fmt::format("relocation {} of livepatch relocation section '{}' "
                      "uses symbol '{}' ({}), which is not a livepatch "
                      "symbol (SHN_LIVEPATCH): the livepatch core refuses it "
                      "and the module does not load",
                      I, Name, Sym->Name, M.sectionNameOf(*Sym)));
      F.Notes.push_back({atSymbol(In, Y), "its entry in the symbol table"});
      Out.push_back(std::move(F));
    }
  }
}

void ElfKlpRelocationFormatCheck::checkSymbol(const ElfInput &In,
                                              const elf::KlpSymbol &S,
                                              std::vector<Finding> &Out) const {
  const elf::Symbol *Sym = In.Elf.symbol(S.SymbolIndex);
  if (!S.Error.empty()) {
    Out.push_back(finding(
        atSymbol(In, S.SymbolIndex),
        fmt::format("livepatch symbol '{}' does not follow "
                    "'.klp.sym.<object>.<name>,<sympos>' ({}): the livepatch "
                    "core cannot resolve it and the module does not load",
                    Sym->Name, S.Error)));
    return;
  }
  if (S.IsLivepatchShndx)
    return;
  // Undefined, the loader looks it up like any other symbol; defined, it is
  // an ordinary symbol of the module that the livepatch core never sees.
  Out.push_back(finding(
      atSymbol(In, S.SymbolIndex),
      fmt::format("livepatch symbol '{}' has section index {}, not "
                  "SHN_LIVEPATCH (0xff20): {}",
                  Sym->Name, In.Elf.sectionNameOf(*Sym),
                  Sym->isUndefined()
                      ? "the module loader looks it up as an ordinary "
                        "undefined symbol, finds none and refuses the module"
                      : "it is an ordinary symbol of the module, which the "
                        "livepatch core never resolves")));
}

} // namespace

KLP_REGISTER_CHECK(ElfKlpRelocationFormatCheck)

} // namespace klp::checks
