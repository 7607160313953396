// SPDX-License-Identifier: GPL-2.0-only
//===- api-in-ctor-dtor.cpp - shadow-api-in-ctor-dtor -----------------------===//
//
// Shadow variable constructors and destructors that call klp_shadow_alloc,
// get_or_alloc, free or free_all, which take the klp_shadow_lock the core
// already holds around them.
//
// The core runs a constructor or destructor with klp_shadow_lock held and
// interrupts off (docs/semantics.md#context-rules). The lock is not
// recursive: every shadow API call but klp_shadow_get() (lockless) takes it
// again, which the reference core reports as recursive locking and the
// kernel turns into a self-deadlock with interrupts off
// (docs/semantics.md#rule-shadow-api-in-ctor-dtor). The shared facts say
// it all: the constructors and destructors (ModuleModel::lockedCallbacks()),
// the TU's call graph and its shadow API calls; a call reached from a
// constructor or destructor within MaxDepth calls is reported.
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"

#include <fmt/format.h>

#include <set>

namespace klp::checks {

namespace {

class ShadowApiInCtorDtorCheck : public Check {
public:
  ShadowApiInCtorDtorCheck(const CheckInfo &Info, const CheckOptions &Options,
                           const CheckContext &Context)
      : Check(Info, Options, Context),
        MaxDepth(Options.getUnsigned(Info.Name, "MaxDepth", 3)) {}

  std::vector<std::string> optionNames() const override { return {"MaxDepth"}; }

  void check(const ModuleModel &M, std::vector<Finding> &Out) const override {
    std::set<std::pair<unsigned, std::string>> Done;
    for (const LockedCallback &C : M.lockedCallbacks()) {
      std::optional<FunctionRef> F = M.function(C.Function, C.TU);
      if (!F || !Done.insert({F->TU, C.Function}).second)
        continue;
      std::vector<Reached> R = M.reach(*F, MaxDepth);
      for (unsigned I = 0; I < R.size(); ++I)
        for (const ShadowCall &S : M.TUs[R[I].F.TU].ShadowCalls)
          if (S.Api != ShadowApi::Get && S.Function == R[I].F.Fn->Name)
            Out.push_back(locks(C, S, R, I));
    }
  }

private:
  Finding locks(const LockedCallback &C, const ShadowCall &S,
                const std::vector<Reached> &R, unsigned I) const {
    std::string Via =
        S.Helper.empty() ? "" : fmt::format(" through '{}'", S.Helper);
    std::string Chain =
        I == 0 ? ""
               : fmt::format(" (call chain: {})", ModuleModel::pathTo(R, I));
    Finding F = finding(
        S.Where,
        fmt::format("{} '{}' calls {}(){}{}, which takes klp_shadow_lock; "
                    "the core holds that lock while it runs shadow "
                    "constructors and destructors, so this deadlocks with "
                    "interrupts off (only klp_shadow_get() is lockless)",
                    shadowCallbackKindName(C.Kind), C.Function,
                    shadowApiName(S.Api), Via, Chain));
    F.Notes.push_back(
        {C.Where, fmt::format("'{}' is {} here", C.Function, C.How)});
    return F;
  }

  unsigned MaxDepth;
};

} // namespace

KLP_REGISTER_CHECK(ShadowApiInCtorDtorCheck)

} // namespace klp::checks
