// SPDX-License-Identifier: GPL-2.0-only
//===- missing-disable-callbacks.cpp - state-missing-disable-callbacks ----===//
//
// States that set up a change but have no pre_unpatch or post_unpatch
// callback to undo it and no block_disable.
//
// A state's pre_patch/post_patch change the system; only pre_unpatch or
// post_unpatch can undo that when the state is removed (disable: CB-1 shape;
// a replace dropping it: DER-1 shape). block_disable = true makes removal
// impossible instead (DER-4), so it is the other acceptable answer.
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"

#include <fmt/format.h>

#include <cstring>

namespace klp::checks {

namespace {

class StateMissingDisableCallbacksCheck : public Check {
public:
  StateMissingDisableCallbacksCheck(const CheckInfo &Info,
                                    const CheckOptions &Options,
                                    const CheckContext &Context)
      : Check(Info, Options, Context),
        IgnoreShadowOnlyStates(
            Options.getBool(Info.Name, "IgnoreShadowOnlyStates", false)) {}

  void check(const ModuleModel &M, std::vector<Finding> &Out) const override;
  std::vector<std::string> optionNames() const override {
    return {"IgnoreShadowOnlyStates"};
  }

private:
  bool onlyAllocatesOwnShadow(const ModuleModel &M, const State &S) const;

  const bool IgnoreShadowOnlyStates;
};

/// Does \p S's pre_patch do nothing but allocate shadow variables of the
/// state's own id (and log)? The core frees those (IgnoreShadowOnlyStates).
bool StateMissingDisableCallbacksCheck::onlyAllocatesOwnShadow(
    const ModuleModel &M, const State &S) const {
  const CallbackRef &Pre = S.callback(Role::PrePatch);
  if (!Pre.Present || Pre.Function.empty() || !S.Id.known())
    return false;
  for (unsigned T = 0; T < M.TUs.size(); ++T) {
    std::optional<FunctionRef> F = M.function(Pre.Function, T);
    if (!F)
      continue;
    bool Allocates = false;
    for (const ShadowCall &C : M.TUs[F->TU].ShadowCalls) {
      if (C.Function != Pre.Function)
        continue;
      if ((C.Api != ShadowApi::Alloc && C.Api != ShadowApi::GetOrAlloc) ||
          !C.Id.known() || *C.Id.Value != *S.Id.Value)
        return false;
      Allocates = true;
    }
    if (!Allocates)
      return false;
    for (const GlobalUse &U : F->Fn->Globals)
      if (U.Write)
        return false;
    for (const CallSite &C : F->Fn->Calls)
      if (C.Callee != "klp_shadow_alloc" && C.Callee != "klp_shadow_get_or_alloc" &&
          !llvm::StringRef(C.Callee).contains("printk"))
        return false;
    return true;
  }
  return false;
}

void StateMissingDisableCallbacksCheck::check(const ModuleModel &M,
                                              std::vector<Finding> &Out) const {
  Generation G = M.generation();
  for (const State *SP : M.states()) {
    const State &S = *SP;
    // The walk of states[] stops at id 0: such an entry's callbacks never
    // run at all (that is state-id-zero's finding, not this one).
    if (S.Id.known() && *S.Id.Value == 0)
      continue;
    bool Sets = S.callback(Role::PrePatch).Present ||
                S.callback(Role::PostPatch).Present;
    bool Undoes = S.callback(Role::PreUnpatch).Present ||
                  S.callback(Role::PostUnpatch).Present;
    if (!Sets || Undoes || S.BlockDisable == Flag::True)
      continue;
    if (IgnoreShadowOnlyStates && S.IsShadow == Flag::True &&
        !S.callback(Role::PostPatch).Present && onlyAllocatesOwnShadow(M, S))
      continue;
    const char *Setter = S.callback(Role::PrePatch).Present
                             ? roleName(Role::PrePatch, G)
                             : roleName(Role::PostPatch, G);
    Out.push_back(finding(
        S.Where,
        fmt::format("state {} has {} {} callback but neither {} nor {} and "
                    "no block_disable; its change is not undone when the "
                    "patch is disabled or replaced by a patch without it",
                    S.Id.describe(), std::strchr("aeiou", Setter[0]) ? "an" : "a",
                    Setter, roleName(Role::PreUnpatch, G),
                    roleName(Role::PostUnpatch, G))));
  }
}

} // namespace

KLP_REGISTER_CHECK(StateMissingDisableCallbacksCheck)

} // namespace klp::checks
