// SPDX-License-Identifier: GPL-2.0-only
//===- free-in-state-callback.cpp - shadow-free-in-state-callback -----------===//
//
// Shadow variables freed by hand in a callback of the is_shadow state with
// their id, which the core frees itself after post_unpatch.
//
// Once a state has is_shadow, the core frees its variables with the state's
// shadow_dtor right after its post_unpatch (docs/semantics.md#shadow-freeing
// ); freeing them by hand in the state's own callbacks
// (docs/semantics.md#rule-shadow-free-in-state-callback):
//  - in pre_unpatch, frees them while tasks still run the patched code,
//    before the unpatching transition has even started (warning);
//  - in post_unpatch, leaves the core's free nothing to find, so the
//    state's shadow_dtor never runs (warning when the state has one and the
//    call passes another destructor or none; else a note: the same free,
//    done twice);
//  - in pre_patch or post_patch, frees whatever variables of the id exist
//    while the state is being introduced (a note).
// "In a callback" is the callback, or code reachable only from the state's
// callbacks (MaxDepth calls over the module's call graph): a function whose
// address is not taken and whose every caller is such code. Only the
// shared facts are read: states, shadow calls, the call graph.
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"

#include <fmt/format.h>

#include <map>
#include <set>

namespace klp::checks {

namespace {

class ShadowFreeInStateCallbackCheck : public Check {
public:
  ShadowFreeInStateCallbackCheck(const CheckInfo &Info,
                                 const CheckOptions &Options,
                                 const CheckContext &Context)
      : Check(Info, Options, Context),
        MaxDepth(Options.getUnsigned(Info.Name, "MaxDepth", 3)) {}

  std::vector<std::string> optionNames() const override { return {"MaxDepth"}; }

  void check(const ModuleModel &M, std::vector<Finding> &Out) const override {
    if (!M.isLivepatch())
      return; // module scope: not a livepatch (docs/semantics.md#rule-conventions)
    std::map<const Function *, std::set<const Function *>> Callers;
    for (unsigned T = 0; T < M.TUs.size(); ++T)
      for (const Function &F : M.TUs[T].Functions)
        for (const CallSite &C : F.Calls)
          if (std::optional<FunctionRef> Callee = M.function(C.Callee, T))
            Callers[Callee->Fn].insert(&F);
    std::set<std::pair<std::string, unsigned>> Reported; // file, offset
    for (const State *S : M.states())
      if (S->IsShadow == Flag::True && S->Id.known())
        checkState(M, *S, Callers, Reported, Out);
  }

private:
  /// Where a free was reached from: the role, the root's reach, the index.
  struct Origin {
    Role R;
    const std::vector<Reached> *Path;
    unsigned Index;
  };

  void checkState(const ModuleModel &M, const State &S,
                  const std::map<const Function *, std::set<const Function *>>
                      &Callers,
                  std::set<std::pair<std::string, unsigned>> &Reported,
                  std::vector<Finding> &Out) const {
    unsigned TU = M.tuOf(&S);
    // Each role's reach; a function reached from several roles counts for
    // the first of pre_unpatch, post_unpatch, post_patch, pre_patch (the
    // order of the harm).
    std::vector<std::pair<Role, std::vector<Reached>>> Reach;
    std::set<const Function *> Roots;
    for (Role R : {Role::PreUnpatch, Role::PostUnpatch, Role::PostPatch,
                   Role::PrePatch}) {
      const CallbackRef &CB = S.callback(R);
      if (!CB.Present || CB.Function.empty())
        continue;
      if (std::optional<FunctionRef> F = M.function(CB.Function, TU)) {
        Roots.insert(F->Fn);
        Reach.push_back({R, M.reach(*F, MaxDepth)});
      }
    }
    std::map<const Function *, Origin> Reached;
    for (const auto &[R, Path] : Reach)
      for (unsigned I = 0; I < Path.size(); ++I)
        Reached.insert({Path[I].F.Fn, {R, &Path, I}});
    // Only from the callbacks: the callbacks themselves, then every reached
    // function whose callers all are (until nothing changes).
    std::set<const Function *> Only = Roots;
    for (bool Grew = true; Grew;) {
      Grew = false;
      for (const auto &[F, O] : Reached) {
        if (Only.count(F) || F->AddressTaken)
          continue;
        auto It = Callers.find(F);
        if (It == Callers.end())
          continue;
        bool All = true;
        for (const Function *C : It->second)
          All &= Only.count(C) > 0;
        if (All)
          Grew |= Only.insert(F).second;
      }
    }
    for (unsigned T = 0; T < M.TUs.size(); ++T)
      for (const ShadowCall &C : M.TUs[T].ShadowCalls) {
        if (C.Api != ShadowApi::Free && C.Api != ShadowApi::FreeAll)
          continue;
        bool Mine = (C.Id.known() && *C.Id.Value == *S.Id.Value) ||
                    (C.Id.ofCallbackState() &&
                     isCallbackOf(M, S, C.Id.StateOf));
        std::optional<FunctionRef> In = M.function(C.Function, T);
        if (!Mine || !In || !Only.count(In->Fn))
          continue;
        auto O = Reached.find(In->Fn);
        if (O == Reached.end() ||
            !Reported.insert({C.Where.File, C.Where.Offset}).second)
          continue;
        Out.push_back(freed(S, C, O->second, M.generation()));
      }
  }

  static bool isCallbackOf(const ModuleModel &M, const State &S,
                           const std::string &Fn) {
    for (const State *Owner : M.statesWithCallback(Fn))
      if (Owner == &S)
        return true;
    return false;
  }

  Finding freed(const State &S, const ShadowCall &C, const Origin &O,
                Generation G) const {
    const std::vector<Reached> &Path = *O.Path;
    std::string Root = Path.front().F.Fn->Name;
    std::string Where =
        O.Index == 0
            ? fmt::format("its {} callback '{}'", roleName(O.R, G),
                          Root)
            : fmt::format("code only its {} callback '{}' reaches (call "
                          "chain: {})",
                          roleName(O.R, G), Root,
                          ModuleModel::pathTo(Path, O.Index));
    std::string Via =
        C.Helper.empty() ? "" : fmt::format(" through '{}'", C.Helper);
    const CallbackRef &Dtor = S.callback(Role::ShadowDtor);
    bool HasDtor = Dtor.Present && !Dtor.Function.empty();
    std::string Effect;
    bool Warn = true;
    switch (O.R) {
    case Role::PreUnpatch:
      Effect = "here they go while tasks still run the patched code: the "
               "unpatching transition has not started yet";
      break;
    case Role::PostUnpatch: {
      bool Known = C.NoCallback || !C.Callback.empty();
      bool Same = HasDtor ? C.Callback == Dtor.Function : C.NoCallback;
      if (HasDtor && Known && !Same) {
        Effect = fmt::format(
            "the core's free then finds nothing, so the state's shadow_dtor "
            "'{}' never runs for them ({})",
            Dtor.Function,
            C.NoCallback ? "this call passes no destructor"
                         : fmt::format("this call passes '{}'", C.Callback));
      } else {
        Warn = false;
        Effect = "this does what the core's free does right after "
                 "post_unpatch; drop it";
      }
      break;
    }
    default:
      Warn = false;
      Effect = fmt::format("here they are freed while the state is being "
                           "introduced, whoever allocated them");
      break;
    }
    Finding F = finding(
        C.Where,
        fmt::format("shadow variables of is_shadow state {} are freed by hand "
                    "by {}(){} in {}; the core frees them itself right after "
                    "post_unpatch, with the state's shadow_dtor: {}",
                    S.Id.describe(), shadowApiName(C.Api), Via, Where, Effect));
    if (!Warn)
      F.Level = Severity::Note;
    F.Notes.push_back({S.Where, fmt::format("state {} is declared here with "
                                            "is_shadow",
                                            S.Id.describe())});
    return F;
  }

  unsigned MaxDepth;
};

} // namespace

KLP_REGISTER_CHECK(ShadowFreeInStateCallbackCheck)

} // namespace klp::checks
