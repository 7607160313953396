//===- missing-disable-callbacks.cpp - state-missing-disable-callbacks ----===//
//
// A state's pre_patch/post_patch change the system; only pre_unpatch or
// post_unpatch can undo that when the state is removed (disable: CB-1 shape;
// replace dropping it: DER-1 shape). block_disable = true makes removal
// impossible instead (DER-4), so it is the other acceptable answer.
//
//===----------------------------------------------------------------------===//

#include "missing-disable-callbacks.h"

#include <fmt/format.h>

#include <cstring>

namespace klp::checks {

StateMissingDisableCallbacksCheck::StateMissingDisableCallbacksCheck(
    std::string Name, Severity Level, const CheckOptions &Options)
    : Check(Name, Level),
      IgnoreShadowOnlyStates(
          Options.getBool(Name, "IgnoreShadowOnlyStates", false)) {}

void StateMissingDisableCallbacksCheck::check(const ModuleModel &M,
                                              std::vector<Finding> &Out) const {
  Generation G = M.generation();
  // Per-state callbacks exist in B and C only.
  if (G != Generation::B && G != Generation::C)
    return;
  for (const State *SP : M.states()) {
    {
      const State &S = *SP;
      // The walk of states[] stops at id 0: such an entry's callbacks never
      // run at all (that is state-id-zero's finding, not this one).
      if (S.Id.known() && *S.Id.Value == 0)
        continue;
      const CallbackRef *CB = S.Callbacks;
      bool Sets = CB[static_cast<int>(Role::PrePatch)].Present ||
                  CB[static_cast<int>(Role::PostPatch)].Present;
      bool Undoes = CB[static_cast<int>(Role::PreUnpatch)].Present ||
                    CB[static_cast<int>(Role::PostUnpatch)].Present;
      if (!Sets || Undoes || S.BlockDisable == Flag::True)
        continue;
      if (IgnoreShadowOnlyStates && S.IsShadow == Flag::True &&
          !CB[static_cast<int>(Role::PostPatch)].Present &&
          S.PrePatchOnlyAllocatesOwnShadow)
        continue;
      const char *Setter = CB[static_cast<int>(Role::PrePatch)].Present
                               ? roleName(Role::PrePatch, G)
                               : roleName(Role::PostPatch, G);
      Finding F = finding(
          S.Where,
          fmt::format("state {} has {} {} callback but neither {} nor {} and "
                      "no block_disable; its change is not undone when the "
                      "patch is disabled or replaced by a patch without it",
                      S.Id.describe(),
                      std::strchr("aeiou", Setter[0]) ? "an" : "a", Setter,
                      roleName(Role::PreUnpatch, G),
                      roleName(Role::PostUnpatch, G)));
      Out.push_back(std::move(F));
    }
  }
}

} // namespace klp::checks
