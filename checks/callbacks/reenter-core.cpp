// SPDX-License-Identifier: GPL-2.0-only
//===- reenter-core.cpp - callbacks-reenter-core --------------------------===//
//
// Calls of klp_enable_patch() from code that a state or per-object callback
// reaches, which runs under klp_mutex.
//
// The core runs every state callback (pre_patch ... post_unpatch) and every
// per-object callback with klp_mutex held: klp_enable_patch() and the sysfs
// writes take it first (docs/semantics.md#context-rules). klp_enable_patch()
// takes it again, which is a self-deadlock in the kernel and what the
// reference klp_mutex reports as recursive locking
// (docs/semantics.md#rule-callbacks-reenter-core, an inference from the
// locking). The callbacks are the module's states' four roles and its
// per-object callbacks (initializers, assignments, kpatch's and klp-build's
// macros); what they reach is the module's call graph across its files, up
// to MaxDepth calls. A function of the module's own that happens to be
// called klp_enable_patch is not the core's.
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"

#include <fmt/format.h>

#include <set>

namespace klp::checks {

namespace {

class CallbacksReenterCoreCheck : public Check {
public:
  CallbacksReenterCoreCheck(const CheckInfo &Info, const CheckOptions &Options,
                            const CheckContext &Context)
      : Check(Info, Options, Context),
        MaxDepth(Options.getUnsigned(Info.Name, "MaxDepth", 5)) {}

  std::vector<std::string> optionNames() const override { return {"MaxDepth"}; }

  void check(const ModuleModel &M, std::vector<Finding> &Out) const override {
    Generation G = M.generation();
    // The callbacks, each once, with what names it.
    std::vector<std::pair<FunctionRef, std::string>> Roots;
    std::set<const Function *> Rooted;
    auto Add = [&](const std::string &Fn, unsigned TU, std::string What) {
      if (Fn.empty())
        return;
      if (std::optional<FunctionRef> F = M.function(Fn, TU))
        if (Rooted.insert(F->Fn).second)
          Roots.push_back({*F, std::move(What)});
    };
    for (const State *S : M.states())
      for (Role R : {Role::PrePatch, Role::PostPatch, Role::PreUnpatch,
                     Role::PostUnpatch})
        Add(S->callback(R).Function, M.tuOf(S),
            fmt::format("the {} callback '{}' of state {}", roleName(R, G),
                        S->callback(R).Function, S->Id.describe()));
    for (unsigned T = 0; T < M.TUs.size(); ++T)
      for (const ObjectCallback &CB : M.TUs[T].ObjectCallbacks)
        Add(CB.Function, T,
            fmt::format("the per-object {} callback '{}'",
                        roleName(CB.Kind, Generation::A), CB.Function));

    std::set<std::pair<std::string, unsigned>> Reported; // file offset
    for (const auto &[Root, What] : Roots)
      for (const FunctionRef &F : M.reachable(Root, MaxDepth))
        for (const CallSite &C : F.Fn->Calls) {
          if (C.Callee != "klp_enable_patch" || M.function(C.Callee, F.TU))
            continue; // the module's own look-alike is not the core
          if (!Reported.insert({C.Where.File, C.Where.Offset}).second)
            continue;
          std::string Via =
              F.Fn == Root.Fn ? "" : fmt::format(" (in '{}')", F.Fn->Name);
          Finding Fd = finding(
              C.Where,
              fmt::format("klp_enable_patch() is called from {}{}; the core "
                          "runs that callback with klp_mutex held and "
                          "klp_enable_patch() takes klp_mutex again: the "
                          "kernel deadlocks",
                          What, Via));
          if (F.Fn != Root.Fn && Root.Fn->Where.valid())
            Fd.Notes.push_back(
                {Root.Fn->Where,
                 fmt::format("'{}' reaches '{}'", Root.Fn->Name, F.Fn->Name)});
          Out.push_back(std::move(Fd));
        }
  }

private:
  const unsigned MaxDepth;
};

} // namespace

KLP_REGISTER_CHECK(CallbacksReenterCoreCheck)

} // namespace klp::checks
