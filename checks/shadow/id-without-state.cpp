// SPDX-License-Identifier: GPL-2.0-only
//===- id-without-state.cpp - shadow-id-without-state ---------------------===//
//
// Shadow variable ids that no is_shadow state of the livepatch frees, and
// is_shadow states that no shadow call uses.
//
// The core frees shadow variables only through an is_shadow state with the
// same id (docs/semantics.md#shadow-freeing). Variants
// (docs/semantics.md#rule-shadow-id-without-state):
//  (a) a shadow call whose id matches no state of the module;
//  (b) ...matches a state whose is_shadow is not set, unless that state's own
//      pre_unpatch/post_unpatch frees the id by hand (the correct manual
//      teardown). B and C only;
//  (c) note: an is_shadow state whose id no shadow call of the module uses.
// Generation A has no is_shadow and its core frees no shadow variable, so A
// code is judged by what its own kernel does
// (docs/semantics.md#rules-generation-a): an id the module allocates but
// frees on no path a disable takes (a per-object pre_unpatch/post_unpatch,
// module exit, a module notifier; same-TU callees) is a warning, at each
// allocation; every other id gets one note, "needs migration to an
// is_shadow state". A free on those paths whose id is computed at run time
// may be any id's, so then no id is reported as never freed. With --target-api=v1, A code is judged as code about to
// be migrated instead: every call whose id has no state is (a), "needs
// migration".
// "state->id" inside a state's callback is that state's id. A state whose id
// is computed at run time might be any id: when one has is_shadow, a
// constant id matching no other state is not reported (cannot decide).
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"

#include <fmt/format.h>

#include <map>
#include <set>

namespace klp::checks {

namespace {

void addIdNote(const IdValue &Id, Finding &F) {
  if (Id.Def.valid() && !Id.DefName.empty())
    F.Notes.push_back({Id.Def, fmt::format("id '{}' is defined here", Id.DefName)});
}

std::string via(const ShadowCall &Call) {
  return Call.Helper.empty() ? "" : fmt::format(" (through '{}')", Call.Helper);
}

bool isShadow(const State &S) {
  return S.IsShadow == Flag::True || S.IsShadow == Flag::NonConstant;
}

/// Calls reached from \p Root within the same TU, \p Root included.
std::set<std::string> sameTUCallees(const ModuleModel &M, unsigned TU,
                                    const std::string &Root) {
  std::set<std::string> Out;
  std::optional<FunctionRef> F = M.function(Root, TU);
  if (!F || F->TU != TU)
    return Out;
  for (const FunctionRef &R : M.reachable(*F, 8))
    if (R.TU == TU)
      Out.insert(R.Fn->Name);
  return Out;
}

/// The module's states, and where to point at when a call matches none.
struct StateView {
  const ModuleModel &M;
  std::vector<const State *> Known; ///< known, non-zero ids
  bool UnknownShadow = false;       ///< an is_shadow state of unknown id
  const State *FirstRunTime = nullptr;
  const Patch *FirstPatch = nullptr;

  explicit StateView(const ModuleModel &M) : M(M) {
    // A generated patch module's klp_patch has no states, whatever its
    // sources declare.
    for (const State *S :
         M.generatedPatch() ? std::vector<const State *>() : M.states()) {
      if (S->Id.known() && *S->Id.Value != 0)
        Known.push_back(S);
      else if (!S->Id.known() && isShadow(*S))
        UnknownShadow = true;
      if (S->RunTime && !FirstRunTime)
        FirstRunTime = S;
    }
    for (const TUFacts &TU : M.TUs)
      if (!FirstPatch && !TU.Patches.empty())
        FirstPatch = &TU.Patches.front();
  }

  /// The states \p Call's id may name: by value, or (state->id in a
  /// callback) the states the callback belongs to. Empty with \p Unknown
  /// set when it cannot be told.
  std::vector<const State *> candidates(const ShadowCall &Call,
                                        bool &Unknown) const {
    Unknown = false;
    if (Call.Id.ofCallbackState()) {
      // The id is its owner's, whatever the owner's id is.
      std::vector<const State *> Owners;
      if (Call.Id.StateParam == 1)
        Owners = M.statesWithCallback(Call.Id.StateOf);
      Unknown = Owners.empty();
      return Owners;
    }
    std::vector<const State *> Out;
    for (const State *S : Known)
      if (*S->Id.Value == *Call.Id.Value)
        Out.push_back(S);
    return Out;
  }

  /// Does \p S's own pre_unpatch or post_unpatch (or a same-TU callee) free
  /// the variables of its id by hand?
  bool freesByHand(const State &S) const {
    unsigned TU = M.tuOf(&S);
    std::set<std::string> Teardown;
    for (Role R : {Role::PreUnpatch, Role::PostUnpatch})
      if (const CallbackRef &CB = S.callback(R); CB.Present && !CB.Function.empty()) {
        std::set<std::string> Reached = sameTUCallees(M, TU, CB.Function);
        Teardown.insert(Reached.begin(), Reached.end());
      }
    for (const ShadowCall &C : M.TUs[TU].ShadowCalls) {
      if ((C.Api != ShadowApi::Free && C.Api != ShadowApi::FreeAll) ||
          !Teardown.count(C.Function))
        continue;
      bool Mine = (C.Id.known() && S.Id.known() && *C.Id.Value == *S.Id.Value) ||
                  (C.Id.ofCallbackState() && Teardown.count(C.Id.StateOf));
      if (Mine)
        return true;
    }
    return false;
  }
};

class ShadowIdWithoutStateCheck : public Check {
public:
  using Check::Check;

  void check(const ModuleModel &M, std::vector<Finding> &Out) const override {
    // Module-scope: a module without a klp_patch is not a livepatch, unless
    // kpatch-build or klp-build write its patch (docs/semantics.md#rules-generation-a
    // ): then it is one without states.
    if (!M.isLivepatch() && !M.generatedPatch())
      return;
    if (judgedByA(M.generation())) {
      legacy(M, Out);
      return;
    }
    StateView V(M);
    std::set<const State *> Used;
    for (const TUFacts &TU : M.TUs)
      for (const ShadowCall &Call : TU.ShadowCalls)
        judge(Call, V, Used, Out);
    if (M.generation() != Generation::A)
      unusedShadowStates(V, Used, Out);
  }

private:
  /// Where a free of an id was found on a path a disable takes.
  struct Teardown {
    const ShadowCall *Free;
    std::string Root; ///< "module exit 'fn'", ...
  };

  /// Generation A by its own semantics: nothing but the module's code frees
  /// shadow variables, so an id is torn down only if a free of it is
  /// reached from the functions a disable (or the module's removal after
  /// it) runs.
  void legacy(const ModuleModel &M, std::vector<Finding> &Out) const {
    // The roots, each with the TU whose callees it reaches.
    std::vector<std::pair<FunctionRef, std::string>> Roots;
    auto AddRoot = [&](const std::string &Fn, unsigned TU,
                       const std::string &What) {
      if (std::optional<FunctionRef> F = M.function(Fn, TU))
        Roots.push_back({*F, fmt::format("{} '{}'", What, Fn)});
    };
    for (unsigned T = 0; T < M.TUs.size(); ++T) {
      for (const ObjectCallback &CB : M.TUs[T].ObjectCallbacks)
        if ((CB.Kind == Role::PreUnpatch || CB.Kind == Role::PostUnpatch) &&
            !CB.Function.empty())
          AddRoot(CB.Function, T,
                  fmt::format("per-object {} callback",
                              roleName(CB.Kind, Generation::A)));
      for (const LifecycleHook &H : M.TUs[T].Lifecycle)
        if (H.Kind != LifecycleKind::Init)
          AddRoot(H.Function, T, lifecycleKindName(H.Kind));
    }
    std::map<uint64_t, Teardown> Freed;
    // A free whose id is computed at run time may free any id: then no id
    // is reported as never freed (cannot decide is silence).
    std::optional<Teardown> AnyId;
    for (const auto &[Root, What] : Roots) {
      std::set<std::string> Reached = sameTUCallees(M, Root.TU, Root.Fn->Name);
      for (const ShadowCall &C : M.TUs[Root.TU].ShadowCalls) {
        if ((C.Api != ShadowApi::Free && C.Api != ShadowApi::FreeAll) ||
            !Reached.count(C.Function))
          continue;
        if (C.Id.known())
          Freed.insert({*C.Id.Value, {&C, What}});
        else if (!AnyId)
          AnyId = Teardown{&C, What};
      }
    }

    std::map<uint64_t, const ShadowCall *> FirstUse;
    std::set<uint64_t> Warned;
    for (const TUFacts &TU : M.TUs)
      for (const ShadowCall &Call : TU.ShadowCalls) {
        if (!Call.Id.known())
          continue; // A non-constant id takes no part in id matching.
        uint64_t Id = *Call.Id.Value;
        bool Allocates =
            Call.Api == ShadowApi::Alloc || Call.Api == ShadowApi::GetOrAlloc;
        // The note goes to the first allocation, else the first use.
        auto [It, New] = FirstUse.insert({Id, &Call});
        if (!New && Allocates && It->second->Api != ShadowApi::Alloc &&
            It->second->Api != ShadowApi::GetOrAlloc)
          It->second = &Call;
        if (Allocates && !Freed.count(Id) && !AnyId) {
          neverFreed(Call, Out);
          Warned.insert(Id);
        }
      }
    for (const auto &[Id, Call] : FirstUse)
      if (!Warned.count(Id)) {
        auto It = Freed.find(Id);
        const Teardown *T = It != Freed.end() ? &It->second
                            : AnyId           ? &*AnyId
                                              : nullptr;
        migrationNote(*Call, T, Out);
      }
  }

  /// A: allocated, and freed on no path a disable takes.
  void neverFreed(const ShadowCall &Call, std::vector<Finding> &Out) const {
    Finding F = finding(
        Call.Where,
        fmt::format("shadow variable id {} allocated by {}(){} is never "
                    "freed when the patch is disabled: no klp_shadow_free() "
                    "or klp_shadow_free_all() of this id is reached from a "
                    "per-object pre_unpatch or post_unpatch callback, module "
                    "exit or a module notifier, so these shadow variables "
                    "stay allocated after the disable; with per-state "
                    "callbacks, a struct klp_state with this id and "
                    "is_shadow would free them",
                    Call.Id.describe(), shadowApiName(Call.Api), via(Call)));
    addIdNote(Call.Id, F);
    Out.push_back(std::move(F));
  }

  /// A: freed by hand on disable, or only read or freed here; a migration
  /// to per-state callbacks needs a state that frees them.
  void migrationNote(const ShadowCall &Call, const Teardown *T,
                     std::vector<Finding> &Out) const {
    std::string How =
        T && !T->Free->Id.known()
            ? fmt::format("may be freed by hand when the patch is disabled "
                          "(from {}, with an id computed at run time)",
                          T->Root)
        : T ? fmt::format("is freed by hand when the patch is disabled (from "
                          "{})",
                          T->Root)
            : fmt::format("is only read or freed by this livepatch (here by "
                        "{}(){})",
                        shadowApiName(Call.Api), via(Call));
    Finding F = finding(
        Call.Where,
        fmt::format("shadow variable id {} {}; needs migration to an "
                    "is_shadow state: with per-state callbacks, a struct "
                    "klp_state with this id and is_shadow frees these "
                    "variables when the state is removed, also when a "
                    "replace drops it",
                    Call.Id.describe(), How));
    F.Level = Severity::Note;
    if (T)
      F.Notes.push_back({T->Free->Where,
                         fmt::format("freed here by {}()",
                                     shadowApiName(T->Free->Api))});
    addIdNote(Call.Id, F);
    Out.push_back(std::move(F));
  }

  void judge(const ShadowCall &Call, const StateView &V,
             std::set<const State *> &Used, std::vector<Finding> &Out) const {
    if (!Call.Id.known() && !Call.Id.ofCallbackState())
      return; // A non-constant id takes no part in id matching.
    bool Unknown = false;
    std::vector<const State *> Match = V.candidates(Call, Unknown);
    Used.insert(Match.begin(), Match.end());
    if (Unknown)
      return;
    for (const State *S : Match)
      if (isShadow(*S))
        return;
    if (V.M.generation() == Generation::A) {
      if (Match.empty())
        needsMigration(Call, Out);
      return;
    }
    if (Match.empty()) {
      if (!V.UnknownShadow)
        matchesNoState(Call, V, Out);
      return;
    }
    for (const State *S : Match)
      if (V.freesByHand(*S))
        return; // the correct manual teardown
    matchesPlainState(Call, *Match.front(), Out);
  }

  /// Generation A judged as code to migrate (--target-api=v1): it has no
  /// is_shadow, so a state cannot free anything.
  void needsMigration(const ShadowCall &Call, std::vector<Finding> &Out) const {
    Finding F = finding(
        Call.Where,
        fmt::format("shadow variable id {} used by {}(){} has no state in "
                    "this livepatch; needs migration: add a struct "
                    "klp_state with this id and is_shadow so that the "
                    "core frees these variables when the state is removed",
                    Call.Id.describe(), shadowApiName(Call.Api), via(Call)));
    addIdNote(Call.Id, F);
    Out.push_back(std::move(F));
  }

  /// Variant (a).
  void matchesNoState(const ShadowCall &Call, const StateView &V,
                      std::vector<Finding> &Out) const {
    Finding F = finding(
        Call.Where,
        fmt::format("shadow variable id {} used by {}(){} matches no state "
                    "of this livepatch; these shadow variables are never "
                    "freed when the patch is disabled or replaced",
                    Call.Id.describe(), shadowApiName(Call.Api), via(Call)));
    const State *First = V.Known.empty() ? V.FirstRunTime : V.Known.front();
    if (First && First->ArrayLoc.valid())
      F.Notes.push_back(
          {First->ArrayLoc,
           fmt::format("the livepatch's states are declared in '{}'",
                       First->Array)});
    else if (V.FirstPatch)
      F.Notes.push_back({V.FirstPatch->Where,
                         fmt::format("livepatch '{}' declares no states",
                                     V.FirstPatch->Name)});
    addIdNote(Call.Id, F);
    Out.push_back(std::move(F));
  }

  /// Variant (b).
  void matchesPlainState(const ShadowCall &Call, const State &Match,
                         std::vector<Finding> &Out) const {
    const IdValue &Id = Call.Id.ofCallbackState() ? Match.Id : Call.Id;
    Finding F = finding(
        Call.Where,
        fmt::format("shadow variable id {} used by {}(){} matches a state "
                    "without is_shadow; these shadow variables are never "
                    "freed when the state is removed",
                    Id.describe(), shadowApiName(Call.Api), via(Call)));
    F.Notes.push_back({Match.Where, fmt::format("state {} is declared here; "
                                                "set .is_shadow = true",
                                                Match.Id.describe())});
    addIdNote(Id, F);
    Out.push_back(std::move(F));
  }

  /// Variant (c): every variable with this id is freed when the state goes
  /// away, including ones another patch created with the same number.
  void unusedShadowStates(const StateView &V, const std::set<const State *> &Used,
                          std::vector<Finding> &Out) const {
    std::set<uint64_t> UsedIds, Reported;
    for (const State *S : Used)
      if (S->Id.known())
        UsedIds.insert(*S->Id.Value);
    for (const State *S : V.Known) {
      if (S->IsShadow != Flag::True || UsedIds.count(*S->Id.Value) ||
          !Reported.insert(*S->Id.Value).second)
        continue;
      Finding F = finding(
          S->Where,
          fmt::format("state {} has is_shadow but no shadow variable call in "
                      "this livepatch uses its id; the core frees every "
                      "shadow variable with this id when the state is "
                      "removed, which is intentional only if the state "
                      "exists to free variables of an older patch",
                      S->Id.describe()));
      F.Level = Severity::Note;
      Out.push_back(std::move(F));
    }
  }
};

} // namespace

KLP_REGISTER_CHECK(ShadowIdWithoutStateCheck)

} // namespace klp::checks
