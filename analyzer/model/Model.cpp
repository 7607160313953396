// SPDX-License-Identifier: GPL-2.0-only
//===- Model.cpp - The livepatch module model -----------------------------===//

#include "Module.h"
#include "Product.h"

#include <fmt/format.h>

#include <deque>
#include <set>

namespace klp {

const char *generationName(Generation G) {
  switch (G) {
  case Generation::Unknown: return "unknown";
  case Generation::A: return "A";
  case Generation::B: return "B";
  case Generation::C: return "C";
  case Generation::ReplaceSetRFC: return "replace-set RFC";
  }
  return "unknown";
}

const char *roleName(Role R, Generation G) {
  // B (POC) spelled the same roles differently; A and C share the C names.
  static const char *const CNames[] = {"pre_patch", "post_patch", "pre_unpatch",
                                       "post_unpatch", "shadow_dtor"};
  static const char *const BNames[] = {"setup", "enable", "disable", "release",
                                       "shadow_dtor"};
  return (G == Generation::B ? BNames : CNames)[static_cast<unsigned>(R)];
}

const char *shadowApiName(ShadowApi A) {
  switch (A) {
  case ShadowApi::Get: return "klp_shadow_get";
  case ShadowApi::Alloc: return "klp_shadow_alloc";
  case ShadowApi::GetOrAlloc: return "klp_shadow_get_or_alloc";
  case ShadowApi::Free: return "klp_shadow_free";
  case ShadowApi::FreeAll: return "klp_shadow_free_all";
  }
  return "klp_shadow_?";
}

const char *shadowCallbackKindName(ShadowCallbackKind K) {
  return K == ShadowCallbackKind::Ctor ? "shadow constructor"
                                       : "shadow destructor";
}

const char *lifecycleKindName(LifecycleKind K) {
  switch (K) {
  case LifecycleKind::Init: return "module init";
  case LifecycleKind::Exit: return "module exit";
  case LifecycleKind::ModuleNotifier: return "module notifier";
  }
  return "module";
}

const char *productSourceName(ProductSource S) {
  switch (S) {
  case ProductSource::Sources: return "sources";
  case ProductSource::Facts: return "recorded facts";
  case ProductSource::Binary: return "binary";
  }
  return "sources";
}

std::vector<std::string> ProductState::flagsSet() const {
  std::vector<std::string> Out;
  if (BlockDisable == Flag::True)
    Out.push_back("block_disable");
  if (IsShadow == Flag::True)
    Out.push_back("is_shadow");
  return Out;
}

std::vector<std::string> ProductState::callbacksSet() const {
  std::vector<std::string> Out;
  for (unsigned R = 0; R < NumRoles; ++R)
    if (Callbacks[R].Present)
      Out.push_back(roleName(static_cast<Role>(R), Generation::C));
  return Out;
}

const ProductState *ProductModule::state(uint64_t Id) const {
  for (const ProductState &S : States)
    if (S.Id.Value && *S.Id.Value == Id)
      return &S;
  return nullptr;
}

std::string Loc::binaryName() const {
  if (Section.empty())
    return File;
  return fmt::format("{}:{}+{:#x}", File, Section, SectionOffset);
}

std::string IdValue::describe() const {
  if (!Value)
    return Spelling.empty() ? std::string("(computed at run time)")
                            : fmt::format("'{}' (computed at run time)", Spelling);
  std::string Num = fmt::format("{}", *Value);
  if (Spelling.empty() || Spelling == Num)
    return Num;
  return fmt::format("'{}' ({})", Spelling, Num);
}

Generation ModuleModel::generation() const {
  for (const TUFacts &T : TUs)
    if (T.Gen != Generation::Unknown)
      return T.Gen;
  return Generation::Unknown;
}

bool ModuleModel::isLivepatch() const {
  for (const TUFacts &T : TUs)
    if (!T.Patches.empty())
      return true;
  return false;
}

bool ModuleModel::generatedPatch() const {
  if (isLivepatch())
    return false;
  for (const TUFacts &T : TUs)
    if (T.GeneratedPatch)
      return true;
  return false;
}

std::vector<const State *> ModuleModel::states() const {
  std::set<std::string> Referenced;
  for (const TUFacts &T : TUs)
    Referenced.insert(T.StateArrays.begin(), T.StateArrays.end());
  bool Everything = Referenced.empty() && !isLivepatch();
  std::vector<const State *> Out;
  for (const TUFacts &T : TUs)
    for (const State &S : T.States)
      // A state built at run time counts unless the patch's states are
      // known to be another array.
      if (Everything || Referenced.count(S.Array) ||
          (S.RunTime && Referenced.empty()))
        Out.push_back(&S);
  return Out;
}

unsigned ModuleModel::tuOf(const State *S) const {
  for (unsigned T = 0; T < TUs.size(); ++T)
    if (!TUs[T].States.empty() && S >= &TUs[T].States.front() &&
        S <= &TUs[T].States.back())
      return T;
  return 0;
}

std::vector<const State *>
ModuleModel::statesWithCallback(const std::string &Function) const {
  std::vector<const State *> Out;
  for (const State *S : states())
    for (Role R : {Role::PrePatch, Role::PostPatch, Role::PreUnpatch,
                   Role::PostUnpatch})
      if (S->callback(R).Function == Function) {
        Out.push_back(S);
        break;
      }
  return Out;
}

std::optional<FunctionRef> ModuleModel::function(const std::string &Name,
                                                 unsigned FromTU) const {
  if (FromTU < TUs.size())
    for (const Function &F : TUs[FromTU].Functions)
      if (F.Name == Name)
        return FunctionRef{FromTU, &F};
  for (unsigned T = 0; T < TUs.size(); ++T)
    for (const Function &F : TUs[T].Functions)
      if (F.Name == Name && !F.Internal)
        return FunctionRef{T, &F};
  return std::nullopt;
}

std::vector<Reached> ModuleModel::reach(FunctionRef Root,
                                        unsigned MaxDepth) const {
  std::vector<Reached> Out{{Root, -1, 0, {}}};
  std::set<const Function *> Seen{Root.Fn};
  // Out is the breadth-first queue itself: each entry is expanded in turn.
  for (size_t I = 0; I < Out.size(); ++I) {
    if (Out[I].Depth >= MaxDepth)
      continue;
    FunctionRef F = Out[I].F;
    for (const CallSite &C : F.Fn->Calls)
      if (std::optional<FunctionRef> Callee = function(C.Callee, F.TU))
        if (Seen.insert(Callee->Fn).second)
          Out.push_back({*Callee, static_cast<int>(I), Out[I].Depth + 1,
                         C.Where});
  }
  return Out;
}

std::vector<FunctionRef> ModuleModel::reachable(FunctionRef Root,
                                                unsigned MaxDepth) const {
  std::vector<FunctionRef> Out;
  for (const Reached &R : reach(Root, MaxDepth))
    Out.push_back(R.F);
  return Out;
}

std::string ModuleModel::pathTo(const std::vector<Reached> &R,
                                unsigned Index) {
  std::vector<std::string> Names;
  for (int I = static_cast<int>(Index); I >= 0; I = R[I].Parent)
    Names.push_back(fmt::format("'{}'", R[I].F.Fn->Name));
  std::string Out;
  for (auto It = Names.rbegin(); It != Names.rend(); ++It)
    Out += (Out.empty() ? "" : " -> ") + *It;
  return Out;
}

std::vector<LockedCallback> ModuleModel::lockedCallbacks() const {
  std::vector<LockedCallback> Out;
  for (unsigned T = 0; T < TUs.size(); ++T)
    for (const ShadowCallback &C : TUs[T].ShadowCallbacks)
      Out.push_back(
          {C.Kind, C.Function, T, C.Where,
           fmt::format("passed as the {} to {}(){}",
                       C.Kind == ShadowCallbackKind::Ctor ? "constructor"
                                                          : "destructor",
                       shadowApiName(C.Api),
                       C.Helper.empty()
                           ? ""
                           : fmt::format(" through '{}'", C.Helper))});
  // A generated patch never refers to the states its sources declare.
  if (!generatedPatch())
    for (const State *S : states()) {
      const CallbackRef &D = S->callback(Role::ShadowDtor);
      if (D.Present && !D.Function.empty())
        Out.push_back({ShadowCallbackKind::Dtor, D.Function, tuOf(S), D.Where,
                       fmt::format("the shadow_dtor of state {}",
                                   S->Id.describe())});
    }
  return Out;
}

} // namespace klp
