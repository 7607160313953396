// SPDX-License-Identifier: GPL-2.0-only
//===- modinfo-depends.cpp - elf-modinfo-depends --------------------------===//
//
// Livepatch modules whose .modinfo lists module dependencies (depends=),
// which SUSE's livepatch gate refuses.
//
// modpost writes depends= from the symbols a module takes from other
// modules. A livepatch should reach another module's symbols through
// .klp.rela relocations, which the livepatch core resolves when that module
// is loaded: a real dependency loads the target module with the patch (or
// refuses the patch without it) and keeps it from being unloaded. SUSE's
// gate for livepatch modules refuses them (docs/semantics.md#rule-elf-modinfo-depends).
//
//===----------------------------------------------------------------------===//

#include "check/ElfCheck.h"

#include "ElfModule.h"

#include <fmt/format.h>

namespace klp::checks {

namespace {

class ElfModinfoDependsCheck : public ElfCheck {
public:
  using ElfCheck::ElfCheck;
  void checkElf(const ElfInput &In, std::vector<Finding> &Out) const override {
    const elf::ElfModule &M = In.Elf;
    bool Livepatch = hasLivepatchCode(In);
    for (const elf::ModInfoEntry &E : M.modInfo())
      Livepatch = Livepatch || (E.Key == "livepatch" && E.HasValue);
    const elf::Section *ModInfo = M.sectionByName(".modinfo");
    if (!Livepatch || !ModInfo)
      return;
    for (const elf::ModInfoEntry &E : M.modInfo())
      if (E.Key == "depends" && E.HasValue && !E.Value.empty())
        Out.push_back(finding(
            at(In, ModInfo->Index, E.Offset),
            fmt::format("livepatch module depends on other modules "
                        "(depends={}): SUSE's livepatch gate refuses such "
                        "modules; reach the other modules' symbols through "
                        "livepatch relocations (.klp.rela.<module>.*), "
                        "which are resolved when those modules load",
                        E.Value)));
  }
};

} // namespace

KLP_REGISTER_CHECK(ElfModinfoDependsCheck)

} // namespace klp::checks
