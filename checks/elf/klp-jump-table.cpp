// SPDX-License-Identifier: GPL-2.0-only
//===- klp-jump-table.cpp - elf-klp-jump-table ----------------------------===//
//
// Livepatch relocation sections for a jump table (.klp.*__jump_table), which
// SUSE's livepatch gate refuses.
//
// A .klp.rela.<obj>.__jump_table section holds the relocations of jump-label
// entries whose static keys live in another object. The module loader reads
// the module's __jump_table when the module comes, while the livepatch core
// writes these relocations only when the object is patched: the entries are
// read before they are complete. SUSE's gate refuses such modules
// (docs/semantics.md#rule-elf-klp-jump-table).
//
//===----------------------------------------------------------------------===//

#include "check/ElfCheck.h"

#include "ElfModule.h"

#include <fmt/format.h>

namespace klp::checks {

namespace {

class ElfKlpJumpTableCheck : public ElfCheck {
public:
  using ElfCheck::ElfCheck;
  void checkElf(const ElfInput &In, std::vector<Finding> &Out) const override {
    for (const elf::Section &S : In.Elf.sections()) {
      llvm::StringRef Name(S.Name);
      if (!Name.starts_with(".klp.") || !Name.ends_with("__jump_table"))
        continue;
      Out.push_back(finding(
          at(In, S.Index, 0),
          fmt::format("livepatch relocation section '{}' relocates "
                      "jump-label entries against another object's static "
                      "keys: the loader reads __jump_table before the "
                      "livepatch core writes these relocations, and SUSE's "
                      "livepatch gate refuses such modules",
                      S.Name)));
    }
  }
};

} // namespace

KLP_REGISTER_CHECK(ElfKlpJumpTableCheck)

} // namespace klp::checks
