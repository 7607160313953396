// SPDX-License-Identifier: GPL-2.0-only
//===- get-prev-state-context.cpp - state-get-prev-state-context ----------===//
//
// Calls of klp_get_prev_state() from code that runs outside a transition
// (module init or exit, replacement functions, shadow constructors and
// destructors), where it warns and returns NULL.
//
// klp_get_prev_state() looks at the patches before the transition patch, so
// it only means something while a transition runs: outside one it warns
// once and returns NULL (docs/semantics.md#rule-state-get-prev-state-context).
// State and per-object callbacks run inside transitions; module init and
// exit, module notifiers, replacement functions (klp_func.new_func), shadow
// constructors and destructors, and any other function whose address the
// module hands out run in contexts of their own. Judged over the module's
// call graph (every TU of the module), to MaxDepth calls from each of those
// roots: a call that such a root reaches is a warning, with the root named.
// A call that only a state's pre_patch reaches, for that state's own id, is
// a note under generations B and C (inference): pre_patch runs only when no
// other patch holds the id, so the result is always NULL there. Code no
// root reaches within MaxDepth (dead code, or too deep) is not judged. The
// facts are this check's own: the calls with their ids, and the functions
// used as replacements, shadow constructors/destructors or by address.
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"
#include "extract/Context.h"
#include "extract/Extractor.h"

#include <clang/AST/Decl.h>
#include <fmt/format.h>

#include <map>
#include <set>

namespace klp::checks {

namespace {

struct PrevStateCall {
  std::string Function; ///< whose body holds the call
  Loc Where;
  IdValue Id;
};

template <class M> void mapFields(M &&Map, PrevStateCall &C) {
  Map("function", C.Function);
  Map("where", C.Where);
  Map("id", C.Id);
}
KLP_JSON_MAPPED(PrevStateCall)

/// A function that runs in a context of its own.
struct Root {
  std::string Function;
  std::string Kind; ///< "replacement function", "shadow constructor", ...
  Loc Where;        ///< where it is handed over
};

template <class M> void mapFields(M &&Map, Root &R) {
  Map("function", R.Function);
  Map("kind", R.Kind);
  Map("where", R.Where);
}
KLP_JSON_MAPPED(Root)

struct Facts {
  std::vector<PrevStateCall> Calls;
  std::vector<Root> Roots;
};

template <class M> void mapFields(M &&Map, Facts &F) {
  Map("calls", F.Calls);
  Map("roots", F.Roots);
}
KLP_JSON_MAPPED(Facts)

constexpr const char *AddressTaken = "address";

class Extractor : public FactExtractor {
public:
  void onCall(const clang::CallExpr *CE, ExtractContext &X) override {
    Callees.insert(CE->getCallee()->IgnoreParenImpCasts());
    const clang::FunctionDecl *FD = CE->getDirectCallee();
    if (!FD)
      return;
    llvm::StringRef N = FD->getName();
    if (N == "klp_get_prev_state" && CE->getNumArgs() == 1) {
      const clang::FunctionDecl *Fn = X.function();
      Found.Calls.push_back({Fn ? Fn->getName().str() : "",
                             X.loc(CE->getBeginLoc()), X.foldId(CE->getArg(0))});
      return;
    }
    // The constructor and destructor arguments of the shadow API.
    std::optional<unsigned> Arg;
    const char *Kind = "shadow destructor";
    if (N == "klp_shadow_alloc" || N == "klp_shadow_get_or_alloc")
      Arg = 4, Kind = "shadow constructor";
    else if (N == "klp_shadow_free")
      Arg = 2;
    else if (N == "klp_shadow_free_all")
      Arg = 1;
    if (Arg && *Arg < CE->getNumArgs())
      root(X.callbackRef(CE->getArg(*Arg)), Kind, X);
  }

  void onVar(const clang::VarDecl *VD, ExtractContext &X) override {
    if (const clang::Expr *Init = VD->getInit())
      X.forEachRecordInit(Init, [&](const clang::InitListExpr *ILE,
                                    const clang::RecordDecl *RD,
                                    std::optional<int64_t>) {
        if (X.records().is(RD, X.records().Func))
          for (const clang::FieldDecl *F : RD->fields())
            if (F->getName() == "new_func")
              root(X.callbackRef(fieldInit(ILE, F)), "replacement function", X);
      });
  }

  void onAssign(const clang::BinaryOperator *BO, ExtractContext &X) override {
    std::vector<const clang::FieldDecl *> Path;
    memberPath(BO->getLHS(), Path);
    if (BO->getOpcode() == clang::BO_Assign && Path.size() == 1 &&
        Path[0]->getName() == "new_func" &&
        X.records().is(Path[0]->getParent(), X.records().Func))
      root(X.callbackRef(BO->getRHS()), "replacement function", X);
  }

  /// A function named other than as the callee of a call: its address is
  /// handed to someone who calls it later, in a context of their own. (The
  /// walk visits a call before its callee, so the callee is known here.)
  void onDeclRef(const clang::DeclRefExpr *DRE, ExtractContext &X) override {
    const auto *FD = llvm::dyn_cast<clang::FunctionDecl>(DRE->getDecl());
    if (FD && !Callees.count(DRE))
      Found.Roots.push_back(
          {FD->getName().str(), AddressTaken, X.loc(DRE->getLocation())});
  }

  llvm::json::Value finish(ExtractContext &) override { return Found; }

private:
  void root(const CallbackRef &CB, const char *Kind, ExtractContext &) {
    if (CB.Present && !CB.Function.empty())
      Found.Roots.push_back({CB.Function, Kind, CB.Where});
  }

  Facts Found;
  std::set<const clang::Expr *> Callees;
};

class StateGetPrevStateContextCheck : public Check {
public:
  StateGetPrevStateContextCheck(const CheckInfo &Info,
                                const CheckOptions &Options,
                                const CheckContext &Context)
      : Check(Info, Options, Context),
        MaxDepth(Options.getUnsigned(Info.Name, "MaxDepth", 8)) {}

  std::unique_ptr<FactExtractor> extractor() const override {
    return std::make_unique<Extractor>();
  }
  std::vector<std::string> optionNames() const override { return {"MaxDepth"}; }

  void check(const ModuleModel &M, std::vector<Finding> &Out) const override {
    if (!M.isLivepatch() && !M.generatedPatch())
      return;
    // The transition's own code: the four state callbacks and the
    // per-object callbacks. A function that is one of them is never a root
    // of another context, even when its address is taken.
    std::set<std::pair<unsigned, std::string>> Callbacks;
    for (const State *S : M.states())
      for (Role R : {Role::PrePatch, Role::PostPatch, Role::PreUnpatch,
                     Role::PostUnpatch})
        if (!S->callback(R).Function.empty())
          Callbacks.insert({M.tuOf(S), S->callback(R).Function});
    for (unsigned T = 0; T < M.TUs.size(); ++T)
      for (const ObjectCallback &CB : M.TUs[T].ObjectCallbacks)
        if (!CB.Function.empty())
          Callbacks.insert({T, CB.Function});

    // The roots of other contexts, in order of precedence of their kinds.
    struct Context {
      FunctionRef Fn;
      std::string What; ///< "module init 'lp_init'"
      Loc Where;
    };
    std::vector<Context> Roots;
    std::set<const Function *> Rooted;
    auto AddRoot = [&](unsigned TU, const std::string &Name,
                       const std::string &What, const Loc &Where) {
      std::optional<FunctionRef> F = M.function(Name, TU);
      if (!F || Callbacks.count({F->TU, Name}) || !Rooted.insert(F->Fn).second)
        return;
      Roots.push_back({*F, What, Where});
    };
    std::vector<Facts> Own;
    for (const TUFacts &TU : M.TUs)
      Own.push_back(own<Facts>(TU));
    for (unsigned T = 0; T < M.TUs.size(); ++T)
      for (const LifecycleHook &H : M.TUs[T].Lifecycle)
        AddRoot(T, H.Function,
                fmt::format("{} '{}'", lifecycleKindName(H.Kind), H.Function),
                H.Where);
    for (bool Address : {false, true})
      for (unsigned T = 0; T < M.TUs.size(); ++T)
        for (const Root &R : Own[T].Roots)
          if ((R.Kind == AddressTaken) == Address)
            AddRoot(T, R.Function,
                    Address ? fmt::format("'{}', whose address the module "
                                          "hands out,",
                                          R.Function)
                            : fmt::format("{} '{}'", R.Kind, R.Function),
                    R.Where);

    // Which context reaches each function first.
    std::map<const Function *, const Context *> ReachedBy;
    for (const Context &C : Roots)
      for (const FunctionRef &F : M.reachable(C.Fn, MaxDepth))
        ReachedBy.insert({F.Fn, &C});
    // The states whose pre_patch reaches each function (B and C).
    std::map<const Function *, std::vector<const State *>> PrePatchOf;
    Generation G = M.generation();
    if (G == Generation::B || G == Generation::C)
      for (const State *S : M.states())
        if (const std::string &Pre = S->callback(Role::PrePatch).Function;
            !Pre.empty())
          if (std::optional<FunctionRef> F = M.function(Pre, M.tuOf(S)))
            for (const FunctionRef &R : M.reachable(*F, MaxDepth))
              PrePatchOf[R.Fn].push_back(S);

    for (unsigned T = 0; T < M.TUs.size(); ++T)
      for (const PrevStateCall &C : Own[T].Calls) {
        std::optional<FunctionRef> F = M.function(C.Function, T);
        if (!F)
          continue;
        if (auto It = ReachedBy.find(F->Fn); It != ReachedBy.end()) {
          const Context &By = *It->second;
          Finding W = finding(
              C.Where,
              fmt::format("klp_get_prev_state() called {}: {} runs outside a "
                          "transition, where klp_get_prev_state() warns once "
                          "and returns NULL; call it only from state or "
                          "per-object callbacks",
                          By.Fn.Fn == F->Fn
                              ? fmt::format("in {}", By.What)
                              : fmt::format("in '{}', which {} reaches",
                                            C.Function, By.What),
                          By.Fn.Fn->Name == C.Function
                              ? std::string("it")
                              : fmt::format("'{}'", By.Fn.Fn->Name)));
          W.Notes.push_back({By.Where, fmt::format("'{}' is {} here",
                                                   By.Fn.Fn->Name,
                                                   By.What.rfind("'", 0) == 0
                                                       ? "handed out"
                                                       : "registered")});
          Out.push_back(std::move(W));
          continue;
        }
        auto Pre = PrePatchOf.find(F->Fn);
        if (Pre == PrePatchOf.end())
          continue;
        for (const State *S : Pre->second)
          if (ownId(C, *S)) {
            Finding N = finding(
                C.Where,
                fmt::format("klp_get_prev_state({}) in the {} callback of "
                            "state {}{}: it runs only when no other patch "
                            "holds the id, so klp_get_prev_state() always "
                            "returns NULL here",
                            C.Id.Spelling, roleName(Role::PrePatch, G),
                            S->Id.describe(),
                            S->callback(Role::PrePatch).Function == C.Function
                                ? std::string()
                                : fmt::format(" (through '{}')", C.Function)));
            N.Level = Severity::Note;
            Out.push_back(std::move(N));
            break;
          }
      }
  }

private:
  /// Does \p C ask for \p S's own id (its value, or state->id of the
  /// callback's state)?
  static bool ownId(const PrevStateCall &C, const State &S) {
    if (C.Id.ofCallbackState())
      return true; // state->id, passed down from the callback
    return C.Id.known() && S.Id.known() && *C.Id.Value == *S.Id.Value;
  }

  const unsigned MaxDepth;
};

} // namespace

KLP_REGISTER_CHECK(StateGetPrevStateContextCheck)

} // namespace klp::checks
