// SPDX-License-Identifier: GPL-2.0-only
//===- modinfo-livepatch.cpp - elf-modinfo-livepatch ----------------------===//
//
// Livepatch modules (.ko) without livepatch=Y in .modinfo, which
// klp_enable_patch() refuses with -EINVAL.
//
// klp_enable_patch() first asks is_livepatch_module(): the loader sets it
// when .modinfo has a "livepatch=" entry (MODULE_INFO(livepatch, "Y")),
// and without one the patch is refused, "module '...' is not marked as a
// livepatch module", -EINVAL (docs/semantics.md#enabling, step 1). Only a
// linked module is judged: in a multi-file module one .o carries the
// MODULE_INFO and the others do not.
//
//===----------------------------------------------------------------------===//

#include "check/ElfCheck.h"

#include "ElfModule.h"

#include <fmt/format.h>

namespace klp::checks {

namespace {

class ElfModinfoLivepatchCheck : public ElfCheck {
public:
  using ElfCheck::ElfCheck;
  void checkElf(const ElfInput &In, std::vector<Finding> &Out) const override {
    const elf::ElfModule &M = In.Elf;
    if (!isLinkedModule(M) || !hasLivepatchCode(In))
      return;
    // The loader looks for the key only ("livepatch=" with any value), as
    // get_modinfo() does; a key without '=' is not that entry.
    for (const elf::ModInfoEntry &E : M.modInfo())
      if (E.Key == "livepatch" && E.HasValue)
        return;
    const elf::Section *ModInfo = M.sectionByName(".modinfo");
    Loc Where = ModInfo ? at(In, ModInfo->Index, 0) : atFile(In);
    Out.push_back(finding(
        Where,
        fmt::format("livepatch module without 'livepatch=Y' in {}: "
                    "klp_enable_patch() refuses it with -EINVAL (module is "
                    "not marked as a livepatch module); add "
                    "MODULE_INFO(livepatch, \"Y\")",
                    ModInfo ? ".modinfo" : "a .modinfo section (it has none)")));
  }
};

} // namespace

KLP_REGISTER_CHECK(ElfModinfoLivepatchCheck)

} // namespace klp::checks
