// SPDX-License-Identifier: GPL-2.0-only
//===- module-local-init.cpp - callbacks-module-local-init ----------------===//
//
// State pre_patch or post_patch callbacks that initialise a variable of the
// livepatch module which other code reads, although a hand-over of the
// state runs neither.
//
// Per-state callbacks run only when a state appears on the system or leaves
// it (docs/semantics.md#shared). When a later patch takes a state over (an
// atomic replace that keeps it, ST-2, ST-3, state 10 of CB-7; a stacked
// patch with the same id, DER-5), the core runs no pre_patch and no
// post_patch of the new patch for it. A file-scope variable of the new
// module that those callbacks would have set keeps its initial value while
// the new module's replacement functions read it
// (docs/semantics.md#rule-callbacks-module-local-init); take-over work
// belongs in the module's init. Flagged: a write, in a state's pre_patch or
// post_patch or a function they reach (MaxDepth calls, across the module's
// files), to a variable the module defines, which some function outside
// everything the state's callbacks (and the module's exit) reach reads,
// unless something the module's init reaches writes it too. Module scope: the callback, the
// variable and its reader may be in different files.
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"

#include <fmt/format.h>

#include <map>
#include <set>

namespace klp::checks {

namespace {

/// A module variable: its name and the TU of a static one (~0u: external).
using VarKey = std::pair<std::string, unsigned>;

class CallbacksModuleLocalInitCheck : public Check {
public:
  CallbacksModuleLocalInitCheck(const CheckInfo &Info,
                                const CheckOptions &Options,
                                const CheckContext &Context)
      : Check(Info, Options, Context),
        MaxDepth(Options.getUnsigned(Info.Name, "MaxDepth", 5)) {}

  std::vector<std::string> optionNames() const override { return {"MaxDepth"}; }

  void check(const ModuleModel &M, std::vector<Finding> &Out) const override {
    if (!M.isLivepatch())
      return;
    Generation G = M.generation();
    std::set<const Function *> InitWrites = reachedFrom(M, LifecycleKind::Init);
    // The module's exit tears down what its own callbacks did: reading the
    // variable there is no reader that runs the patched code.
    std::set<const Function *> Exit = reachedFrom(M, LifecycleKind::Exit);
    std::set<VarKey> ByInit;
    for (unsigned T = 0; T < M.TUs.size(); ++T)
      for (const Function &F : M.TUs[T].Functions)
        if (InitWrites.count(&F))
          for (const GlobalUse &U : F.Globals)
            if (U.Write)
              if (std::optional<VarKey> K = variable(M, U.Var, T))
                ByInit.insert(*K);

    std::set<VarKey> Reported;
    for (const State *S : M.states()) {
      unsigned TU = M.tuOf(S);
      // Everything the state's own callbacks reach.
      std::set<const Function *> Own = Exit;
      for (unsigned R = 0; R < NumRoles; ++R)
        for (const FunctionRef &F : reach(M, S->Callbacks[R].Function, TU))
          Own.insert(F.Fn);
      for (Role R : {Role::PrePatch, Role::PostPatch}) {
        const std::string &Cb = S->callback(R).Function;
        for (const FunctionRef &F : reach(M, Cb, TU))
          for (const GlobalUse &W : F.Fn->Globals) {
            if (!W.Write)
              continue;
            std::optional<VarKey> K = variable(M, W.Var, F.TU);
            if (!K || ByInit.count(*K) || Reported.count(*K))
              continue;
            std::optional<std::pair<FunctionRef, const GlobalUse *>> Reader =
                readerOutside(M, *K, Own);
            if (!Reader)
              continue;
            Reported.insert(*K);
            std::string Via =
                F.Fn->Name == Cb ? "" : fmt::format(" (in '{}')", F.Fn->Name);
            Finding Fd = finding(
                W.Where,
                fmt::format("the {} callback '{}' of state {} sets '{}'{}, "
                            "which '{}' reads; when a later patch takes the "
                            "state over, the core runs neither its {} nor its "
                            "{}, so that patch's '{}' keeps its initial value "
                            "while its code reads it: set it in module init",
                            roleName(R, G), Cb, S->Id.describe(), W.Var, Via,
                            Reader->first.Fn->Name,
                            roleName(Role::PrePatch, G),
                            roleName(Role::PostPatch, G), W.Var));
            Fd.Notes.push_back({Reader->second->Where,
                                fmt::format("'{}' reads '{}' here",
                                            Reader->first.Fn->Name, W.Var)});
            Out.push_back(std::move(Fd));
          }
      }
    }
  }

private:
  std::vector<FunctionRef> reach(const ModuleModel &M, const std::string &Fn,
                                 unsigned TU) const {
    if (Fn.empty())
      return {};
    std::optional<FunctionRef> F = M.function(Fn, TU);
    return F ? M.reachable(*F, MaxDepth) : std::vector<FunctionRef>();
  }

  std::set<const Function *> reachedFrom(const ModuleModel &M,
                                         LifecycleKind Kind) const {
    std::set<const Function *> Out;
    for (unsigned T = 0; T < M.TUs.size(); ++T)
      for (const LifecycleHook &H : M.TUs[T].Lifecycle)
        if (H.Kind == Kind)
          for (const FunctionRef &F : reach(M, H.Function, T))
            Out.insert(F.Fn);
    return Out;
  }

  /// The module variable \p Name as code of TU \p FromTU names it: a static
  /// one of that TU, else an external one of any TU.
  static std::optional<VarKey> variable(const ModuleModel &M,
                                        const std::string &Name,
                                        unsigned FromTU) {
    for (const GlobalVar &V : M.TUs[FromTU].Globals)
      if (V.Name == Name)
        return VarKey{Name, V.Internal ? FromTU : ~0u};
    for (const TUFacts &T : M.TUs)
      for (const GlobalVar &V : T.Globals)
        if (V.Name == Name && !V.Internal)
          return VarKey{Name, ~0u};
    return std::nullopt;
  }

  /// A read of \p K by a function outside \p Own.
  static std::optional<std::pair<FunctionRef, const GlobalUse *>>
  readerOutside(const ModuleModel &M, const VarKey &K,
                const std::set<const Function *> &Own) {
    for (unsigned T = 0; T < M.TUs.size(); ++T)
      for (const Function &F : M.TUs[T].Functions) {
        if (Own.count(&F))
          continue;
        for (const GlobalUse &U : F.Globals)
          if (!U.Write && U.Var == K.first && variable(M, U.Var, T) == K)
            return std::make_pair(FunctionRef{T, &F}, &U);
      }
    return std::nullopt;
  }

  const unsigned MaxDepth;
};

} // namespace

KLP_REGISTER_CHECK(CallbacksModuleLocalInitCheck)

} // namespace klp::checks
