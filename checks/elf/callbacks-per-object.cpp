// SPDX-License-Identifier: GPL-2.0-only
//===- callbacks-per-object.cpp - elf-callbacks-per-object ----------------===//
//
// Object-file traces of per-object callbacks (kpatch's .kpatch.callbacks.*
// sections, klp-build's __klp_*_callback_* pointers and .discard.klp_*
// sections) that must move to per-state callbacks.
//
// What callbacks-per-object finds in the sources, found in the built file:
// kpatch's KPATCH_*_CALLBACK macros leave one .kpatch.callbacks.<role>
// section per role (or its relocation section), klp-build's KLP_*_CALLBACK
// macros __klp_<role>_callback_<object> pointers in
// .discard.klp_callback_ptrs (.discard.klp_callbacks in an earlier draft).
// The tools turn them into klp_object.callbacks, which run on every
// transition of their object and which an atomic replace never runs for the
// replaced patch (LEG-4); generation C has no per-object callbacks at all,
// and the reference core lists these traces as never called
// (docs/semantics.md#rule-elf-callbacks-per-object).
//
//===----------------------------------------------------------------------===//

#include "check/ElfCheck.h"

#include "ElfModule.h"

#include <fmt/format.h>
#include <llvm/ADT/StringExtras.h>

#include <map>

namespace klp::checks {

namespace {

constexpr const char *Roles[] = {"pre_patch", "post_patch", "pre_unpatch",
                                 "post_unpatch"};
/// The harm, the same for every trace.
constexpr const char *Harm =
    "per-object callbacks run on every transition of their object, an atomic "
    "replace never runs the replaced patch's pre_unpatch or post_unpatch, and "
    "the v1 API has none";

/// The harm and the way out for a callback of role \p Role.
std::string advice(const char *Role) {
  return fmt::format("{}; move it to the {} callback of a struct klp_state",
                     Harm, Role);
}

/// "pre_patch" for "__klp_pre_patch_callback_<obj>", with <obj> in \p Obj.
const char *klpCallbackRole(llvm::StringRef Name, std::string &Obj) {
  if (!Name.consume_front("__klp_"))
    return nullptr;
  for (const char *R : Roles) {
    llvm::StringRef Rest = Name;
    if (Rest.consume_front(R) && Rest.consume_front("_callback_") &&
        !Rest.empty()) {
      Obj = Rest.str();
      return R;
    }
  }
  return nullptr;
}

class ElfCallbacksPerObjectCheck : public ElfCheck {
public:
  using ElfCheck::ElfCheck;
  void checkElf(const ElfInput &In, std::vector<Finding> &Out) const override {
    kpatchSections(In, Out);
    klpBuildPointers(In, Out);
  }

private:
  void kpatchSections(const ElfInput &In, std::vector<Finding> &Out) const;
  void klpBuildPointers(const ElfInput &In, std::vector<Finding> &Out) const;
};

/// kpatch: .kpatch.callbacks.<role> holds one { fn, objname } per macro
/// use; its relocation section names the functions. One finding per role,
/// at the section (or at its relocation section when only that is left).
void ElfCallbacksPerObjectCheck::kpatchSections(const ElfInput &In,
                                                std::vector<Finding> &Out) const {
  const elf::ElfModule &M = In.Elf;
  for (const char *R : Roles) {
    std::string Name = std::string(".kpatch.callbacks.") + R;
    const elf::Section *S = M.sectionByName(Name);
    const elf::Section *Rela = M.sectionByName(".rela" + Name);
    if (!Rela)
      Rela = M.sectionByName(".rel" + Name);
    if (!S && !Rela)
      continue;
    std::vector<std::string> Fns;
    if (S) {
      uint64_t Entry = M.is64Bit() ? 16 : 8;
      for (uint64_t Off = 0; Off < S->Size && Fns.size() < 8; Off += Entry)
        if (std::string F = relocatedSymbolAt(M, S->Index, Off); !F.empty())
          Fns.push_back("'" + F + "'");
    }
    std::string What = Fns.empty() ? "callbacks" : "callback " + llvm::join(Fns, ", ");
    Out.push_back(finding(
        at(In, S ? S->Index : Rela->Index, 0),
        fmt::format("per-object {} {} registered by kpatch's "
                    "KPATCH_{}_CALLBACK (section '{}'); {}",
                    R, What, llvm::StringRef(R).upper(),
                    S ? S->Name : Rela->Name, advice(R))));
  }
}

/// klp-build: a __klp_<role>_callback_<obj> pointer per macro use, in
/// .discard.klp_callback_ptrs; a section left without such symbols is a
/// trace of its own.
void ElfCallbacksPerObjectCheck::klpBuildPointers(const ElfInput &In,
                                                  std::vector<Finding> &Out) const {
  const elf::ElfModule &M = In.Elf;
  std::map<uint32_t, bool> Named;
  for (const elf::Symbol &Y : M.symbols()) {
    std::string Obj;
    const char *R = klpCallbackRole(Y.Name, Obj);
    if (!R)
      continue;
    if (Y.SectionIndex)
      Named[*Y.SectionIndex] = true;
    std::string Fn = Y.SectionIndex
                         ? relocatedSymbolAt(M, *Y.SectionIndex, Y.Value)
                         : "";
    Out.push_back(finding(
        atSymbol(In, Y.Index),
        fmt::format("per-object {} callback{} of object '{}' registered by "
                    "klp-build's KLP_{}_CALLBACK (symbol '{}'); {}",
                    R, Fn.empty() ? "" : " '" + Fn + "'", Obj,
                    llvm::StringRef(R).upper(), Y.Name, advice(R))));
  }
  for (const char *Name : {".discard.klp_callback_ptrs", ".discard.klp_callbacks"}) {
    const elf::Section *S = M.sectionByName(Name);
    if (!S || Named.count(S->Index))
      continue;
    Out.push_back(finding(
        at(In, S->Index, 0),
        fmt::format("section '{}' holds klp-build's per-object callback "
                    "pointers (KLP_*_CALLBACK); {}; move them to per-state "
                    "callbacks of a struct klp_state",
                    Name, Harm)));
  }
}

} // namespace

KLP_REGISTER_CHECK(ElfCallbacksPerObjectCheck)

} // namespace klp::checks
