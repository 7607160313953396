//===- id-without-state.cpp - shadow-id-without-state ---------------------===//
//
// Shadow variable ids that no is_shadow state of the livepatch frees, and
// is_shadow states that no shadow call uses.
//
// The core frees shadow variables only through an is_shadow state with the
// same id (docs/semantics.md#shadow-freeing). Variants
// (docs/semantics.md#rule-shadow-id-without-state):
//  (a) a shadow call whose id matches no state of the module;
//  (b) ...matches a state whose is_shadow is not set (B and C only; A has no
//      is_shadow, so there every id without a state is (a), "needs migration");
//  (c) note: an is_shadow state whose id no shadow call of the module uses.
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"

#include <fmt/format.h>

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

/// The module's states with a known, non-zero id, and where to point at
/// when a call matches none of them.
struct StateView {
  std::vector<const State *> States;
  const Patch *FirstPatch = nullptr;

  explicit StateView(const ModuleModel &M) {
    for (const State *S : M.states())
      if (S->Id.known() && *S->Id.Value != 0)
        States.push_back(S);
    for (const TUFacts &TU : M.TUs)
      if (!FirstPatch && !TU.Patches.empty())
        FirstPatch = &TU.Patches.front();
  }

  /// The first state with \p Id, and one of them with is_shadow set (or
  /// computed: a sound "cannot decide" is silence).
  std::pair<const State *, const State *> match(uint64_t Id) const {
    const State *Match = nullptr, *Shadow = nullptr;
    for (const State *S : States)
      if (*S->Id.Value == Id) {
        if (!Match)
          Match = S;
        if (S->IsShadow == Flag::True || S->IsShadow == Flag::NonConstant)
          Shadow = S;
      }
    return {Match, Shadow};
  }
};

class ShadowIdWithoutStateCheck : public Check {
public:
  using Check::Check;

  void check(const ModuleModel &M, std::vector<Finding> &Out) const override {
    // Module-scope: a module without a klp_patch is not a livepatch.
    if (!M.isLivepatch())
      return;
    StateView V(M);
    std::set<uint64_t> UsedIds;
    for (const TUFacts &TU : M.TUs)
      for (const ShadowCall &Call : TU.ShadowCalls) {
        if (!Call.Id.known())
          continue; // A non-constant id takes no part in id matching.
        UsedIds.insert(*Call.Id.Value);
        auto [Match, Shadow] = V.match(*Call.Id.Value);
        if (Shadow)
          continue;
        if (M.generation() == Generation::A)
          needsMigration(Call, Match, Out);
        else if (!Match)
          matchesNoState(Call, V, Out);
        else
          matchesPlainState(Call, *Match, Out);
      }
    if (M.generation() != Generation::A)
      unusedShadowStates(V, UsedIds, Out);
  }

private:
  /// Generation A has no is_shadow: a state cannot free anything.
  void needsMigration(const ShadowCall &Call, const State *Match,
                      std::vector<Finding> &Out) const {
    if (Match)
      return;
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
    const State *First = V.States.empty() ? nullptr : V.States.front();
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
    Finding F = finding(
        Call.Where,
        fmt::format("shadow variable id {} used by {}(){} matches a state "
                    "without is_shadow; these shadow variables are never "
                    "freed when the state is removed",
                    Call.Id.describe(), shadowApiName(Call.Api), via(Call)));
    F.Notes.push_back({Match.Where, fmt::format("state {} is declared here; "
                                                "set .is_shadow = true",
                                                Match.Id.describe())});
    addIdNote(Call.Id, F);
    Out.push_back(std::move(F));
  }

  /// Variant (c): every variable with this id is freed when the state goes
  /// away, including ones another patch created with the same number.
  void unusedShadowStates(const StateView &V, const std::set<uint64_t> &Used,
                          std::vector<Finding> &Out) const {
    std::set<uint64_t> Reported;
    for (const State *S : V.States) {
      if (S->IsShadow != Flag::True || Used.count(*S->Id.Value) ||
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
