/* SPDX-License-Identifier: GPL-2.0-only */
//===- ElfCheck.h - Checks of a built object or module ---------*- C++ -*-===//
//
// An ELF check (scope Elf in checks/CheckList.def) judges one .o or .ko as
// it was built: what klp-elf read from it (ElfModule: sections, symbols,
// relocations, .modinfo, the livepatch names) and the patches recovered
// from its data (BinaryModel). It never sees sources, and its findings are
// binary places (Loc::InBinary): a section and an offset, or a symbol's
// entry in the symbol table.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_CHECK_ELFCHECK_H
#define KLP_CHECK_ELFCHECK_H

#include "check/Check.h"

#include <cstdint>
#include <string>
#include <vector>

namespace klp {

namespace elf {
class ElfModule;
struct BinaryModel;
} // namespace elf

/// What an ELF check reads: the file, validated, and its patches.
struct ElfInput {
  std::string File; ///< As the finding names it (absolute).
  const elf::ElfModule &Elf;
  const elf::BinaryModel &Binary;
};

class ElfCheck : public Check {
public:
  using Check::Check;
  /// ELF checks have no module model to judge.
  void check(const ModuleModel &, std::vector<Finding> &) const final {}
  const ElfCheck *asElf() const final { return this; }
  virtual void checkElf(const ElfInput &In, std::vector<Finding> &Out) const = 0;

protected:
  /// Byte \p Offset of section \p Section of the file.
  static Loc at(const ElfInput &In, uint32_t Section, uint64_t Offset);
  /// The symbol table entry of symbol \p Symbol: where its name, binding
  /// and section index are.
  static Loc atSymbol(const ElfInput &In, uint32_t Symbol);
  /// Relocation \p Index of relocation section \p Section: its entry.
  static Loc atRelocation(const ElfInput &In, uint32_t Section, size_t Index);
  /// The file as a whole (no section holds what is missing).
  static Loc atFile(const ElfInput &In);
};

/// Byte \p Offset of section \p Section of \p M, read from \p File: the
/// place ELF checks and product findings of a binary name.
Loc binaryLoc(const elf::ElfModule &M, const std::string &File,
              uint32_t Section, uint64_t Offset);

/// A linked module (.ko, or a klp-sim .so): it defines __this_module,
/// which modpost's .mod.c adds at the link. A .o before the link does not.
bool isLinkedModule(const elf::ElfModule &M);

/// Livepatch code in the file, other than its .modinfo: a call of
/// klp_enable_patch(), a struct klp_patch, or livepatch relocation
/// sections or symbols.
bool hasLivepatchCode(const ElfInput &In);

/// The name of the symbol relocation \p Offset of section \p Section is
/// relocated against, or "" when no relocation applies there.
std::string relocatedSymbolAt(const elf::ElfModule &M, uint32_t Section,
                              uint64_t Offset);

} // namespace klp

#endif
