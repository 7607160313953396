// SPDX-License-Identifier: GPL-2.0-only
//===- States.cpp - Patches and states -------------------------------------===//
//
// A state is any struct klp_state reachable from a klp_patch's states
// initializer, or built by assignments of constant .id / .is_shadow /
// .block_disable / .callbacks.* to klp_state lvalues (some patches build
// states[] at run time). Decided by record type, never by member name.
//
//===----------------------------------------------------------------------===//

#include "extract/Context.h"
#include "extract/Families.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <llvm/ADT/StringSwitch.h>

#include <map>

using namespace clang;

namespace klp {

namespace {

std::optional<Role> stateRole(llvm::StringRef Member) {
  return llvm::StringSwitch<std::optional<Role>>(Member)
      .Cases("pre_patch", "setup", Role::PrePatch)
      .Cases("post_patch", "enable", Role::PostPatch)
      .Cases("pre_unpatch", "disable", Role::PreUnpatch)
      .Cases("post_unpatch", "release", Role::PostUnpatch)
      .Case("shadow_dtor", Role::ShadowDtor)
      .Default(std::nullopt);
}

/// A state slot: a variable and an element index (0 for a lone struct, -1
/// for an element chosen at run time).
using SlotKey = std::pair<const Decl *, int64_t>;

class StatesFamily : public FactFamily {
public:
  void onVar(const VarDecl *VD, ExtractContext &X) override {
    const KlpRecords &R = X.records();
    if (R.is(recordOf(VD->getType()), R.Patch) &&
        VD->isThisDeclarationADefinition() != VarDecl::DeclarationOnly) {
      // One patch per variable: a tentative definition ("static struct
      // klp_patch patch;" before the callbacks that name it, as the
      // kernel's test_klp_state.c has) and the definition are the same
      // patch, placed where it is initialized.
      auto [It, New] = PatchIndex.try_emplace(VD->getCanonicalDecl(),
                                              Patches.size());
      if (New) {
        Patch P;
        P.Name = VD->getName().str();
        Patches.push_back(P);
      }
      if (New || VD->getInit())
        Patches[It->second].Where = X.loc(VD->getLocation());
    }
    const Expr *Init = VD->getInit();
    if (!Init)
      return;
    if (isStatePointer(VD->getType(), R))
      alias(VD, Init, X); // struct klp_state *state = &states[i];
    X.forEachRecordInit(Init, [&](const InitListExpr *ILE, const RecordDecl *RD,
                                  std::optional<int64_t> Index) {
      if (R.is(RD, R.State))
        stateInit(X, ILE, VD, Index.value_or(0));
      else if (R.is(RD, R.Patch))
        patchInit(X, ILE, VD);
    });
  }

  void onAssign(const BinaryOperator *BO, ExtractContext &X) override {
    if (BO->getOpcode() != BO_Assign)
      return;
    const KlpRecords &R = X.records();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (isStatePointer(VD->getType(), R))
          alias(VD, BO->getRHS(), X); // state = &states[i];
    std::vector<const FieldDecl *> Path;
    const Expr *Base = memberPath(BO->getLHS(), Path);
    if (Path.empty())
      return;
    const RecordDecl *Owner = Path.front()->getParent();
    if (R.is(Owner, R.State)) {
      stateAssignment(X, BO, Base, Path);
    } else if (R.is(Owner, R.Patch) && Path.front()->getName() == "states") {
      referStates(BO->getRHS(), nullptr);
    } else if (R.is(Owner, R.Patch) && Path.front()->getName() == "replace") {
      if (const VarDecl *VD = baseVar(Base))
        if (auto It = PatchIndex.find(VD->getCanonicalDecl());
            It != PatchIndex.end())
          Patches[It->second].Replace = X.flag(BO->getRHS()) == Flag::True;
    }
  }

  void finish(ExtractContext &X, TUFacts &Out) override {
    instantiateTemplates(X);
    for (Slot &Sl : Slots) {
      if (Sl.Template)
        continue; // only its call sites make states
      State &S = Sl.S;
      bool Anything =
          S.BlockDisable != Flag::Unset || S.IsShadow != Flag::Unset;
      for (const CallbackRef &CB : S.Callbacks)
        Anything |= CB.Set;
      if (S.Id.known() && *S.Id.Value == 0 && !Anything)
        continue; // The terminating element.
      Out.States.push_back(std::move(S));
    }
    Out.Patches = std::move(Patches);
    Out.StateArrays = std::move(StateArrays);
  }

private:
  struct Slot {
    State S;
    /// Built through a struct klp_state * parameter of a function: the
    /// function's call sites make the states.
    const FunctionDecl *Template = nullptr;
    unsigned TemplateParam = 0;
    /// .id = <parameter IdParam of the template function>
    std::optional<unsigned> IdParam;
    const Expr *IdExpr = nullptr;
    SourceLocation Where;
  };

  /// The slot \p E (a state lvalue's base, or a pointer to a state) stands
  /// for: "v", "v[i]", "&v[i]", "v + i", or a local pointer aliasing one.
  std::optional<SlotKey> keyOf(const Expr *E, ExtractContext &X) {
    E = E->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      if (UO->getOpcode() == UO_AddrOf)
        return keyOf(UO->getSubExpr(), X);
    int64_t Index = 0;
    const Expr *Arr = nullptr, *Idx = nullptr;
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
      Arr = ASE->getBase(), Idx = ASE->getIdx();
    else if (const auto *BO = dyn_cast<BinaryOperator>(E);
             BO && BO->getOpcode() == BO_Add)
      Arr = BO->getLHS(), Idx = BO->getRHS();
    if (Arr) {
      Expr::EvalResult Res;
      Index = Idx->EvaluateAsInt(Res, X.ast()) ? Res.Val.getInt().getExtValue()
                                               : -1;
      E = Arr->IgnoreParenImpCasts();
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!VD)
      return std::nullopt;
    if (!Arr)
      if (auto It = Aliases.find(VD->getCanonicalDecl()); It != Aliases.end())
        return It->second;
    return SlotKey{VD->getCanonicalDecl(), Index};
  }

  void alias(const VarDecl *Pointer, const Expr *Value, ExtractContext &X) {
    std::optional<SlotKey> K = keyOf(Value, X);
    // A pointer to a fresh allocation (kzalloc) is its own array.
    if (K && K->first != Pointer->getCanonicalDecl())
      Aliases[Pointer->getCanonicalDecl()] = *K;
  }

  Slot &slot(ExtractContext &X, SlotKey Key, SourceLocation Where,
             bool RunTime) {
    auto It = SlotIndex.find(Key);
    if (It != SlotIndex.end())
      return Slots[It->second];
    SlotIndex[Key] = Slots.size();
    Slot Sl;
    Sl.S.Where = X.loc(Where);
    Sl.S.RunTime = RunTime;
    Sl.Where = Where;
    if (const auto *ND = dyn_cast_or_null<NamedDecl>(Key.first)) {
      Sl.S.Array = ND->getName().str();
      Sl.S.ArrayLoc = X.loc(ND->getLocation());
    }
    Slots.push_back(Sl);
    return Slots.back();
  }

  void stateInit(ExtractContext &X, const InitListExpr *ILE, const VarDecl *Var,
                 int64_t Index) {
    const KlpRecords &R = X.records();
    SourceLocation Where = ILE->getBeginLoc();
    if (const InitListExpr *Syn = ILE->getSyntacticForm())
      Where = Syn->getBeginLoc();
    State &S =
        slot(X, {Var ? Var->getCanonicalDecl() : nullptr, Index}, Where, false).S;
    for (const FieldDecl *F : R.State->fields()) {
      const Expr *E = fieldInit(ILE, F);
      llvm::StringRef N = F->getName();
      if (N == "id") {
        if (E) {
          S.Id = X.foldId(E);
        } else {
          S.Id = IdValue{};
          S.Id.Value = 0;
          S.Id.Spelling = "0";
        }
      } else if (N == "block_disable") {
        S.BlockDisable = X.flag(E);
      } else if (N == "is_shadow") {
        S.IsShadow = X.flag(E);
      } else if (E && R.is(recordOf(F->getType()), R.StateCallbacks)) {
        const auto *CBs = dyn_cast<InitListExpr>(E->IgnoreParenImpCasts());
        if (!CBs)
          continue;
        CBs = semanticForm(CBs);
        for (const FieldDecl *CF : R.StateCallbacks->fields())
          if (std::optional<Role> Kind = stateRole(CF->getName()))
            S.Callbacks[static_cast<unsigned>(*Kind)] =
                X.callbackRef(fieldInit(CBs, CF));
      }
    }
  }

  void patchInit(ExtractContext &X, const InitListExpr *ILE,
                 const VarDecl *Var) {
    const KlpRecords &R = X.records();
    for (const FieldDecl *F : R.Patch->fields())
      if (F->getName() == "states")
        if (const Expr *E = fieldInit(ILE, F))
          referStates(E, Var);
    if (!Var)
      return;
    auto It = PatchIndex.find(Var->getCanonicalDecl());
    if (It == PatchIndex.end())
      return;
    for (const FieldDecl *F : R.Patch->fields())
      if (F->getName() == "replace")
        Patches[It->second].Replace = X.flag(fieldInit(ILE, F)) == Flag::True;
  }

  /// Record which variable a klp_patch's "states" member points to:
  /// "states", "&states[0]", or a compound literal inside the patch's own
  /// initializer (whose states are keyed by the patch variable).
  void referStates(const Expr *E, const VarDecl *PatchVar) {
    E = E->IgnoreParenCasts();
    if (isa<CompoundLiteralExpr>(E)) {
      if (PatchVar)
        StateArrays.push_back(PatchVar->getName().str());
      return;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      if (UO->getOpcode() == UO_AddrOf)
        E = UO->getSubExpr()->IgnoreParenCasts();
    if (const VarDecl *VD = baseVar(E))
      StateArrays.push_back(VD->getName().str());
  }

  /// ".id = ...", ".is_shadow = ...", ".block_disable = ..." or
  /// ".callbacks.<role> = ..." on a state lvalue: a state built at run time
  /// (or, through a parameter, by a helper whose callers make the states).
  void stateAssignment(ExtractContext &X, const BinaryOperator *BO,
                       const Expr *Base,
                       const std::vector<const FieldDecl *> &Path) {
    const KlpRecords &R = X.records();
    llvm::StringRef N = Path[0]->getName();
    std::optional<Role> Kind;
    if (Path.size() == 2 && R.is(recordOf(Path[0]->getType()), R.StateCallbacks))
      Kind = stateRole(Path[1]->getName());
    if (N != "id" && N != "block_disable" && N != "is_shadow" && !Kind)
      return; // data, version, internal members: not what makes a state
    std::optional<SlotKey> Key = keyOf(Base, X);
    if (!Key)
      return;
    const FunctionDecl *Fn = X.function();
    const auto *Param = dyn_cast<ParmVarDecl>(Key->first);
    bool Template = Param && Fn && Param->getDeclContext() == Fn &&
                    isStatePointer(Param->getType(), R);
    Slot &Sl = slot(X, *Key, BO->getBeginLoc(), true);
    if (Template) {
      Sl.Template = Fn->getCanonicalDecl();
      Sl.TemplateParam = Param->getFunctionScopeIndex();
    }
    State &S = Sl.S;
    const Expr *RHS = BO->getRHS();
    if (N == "id") {
      S.Id = X.foldId(RHS);
      Sl.IdExpr = RHS;
      if (const ParmVarDecl *IdP = paramOf(RHS, Fn))
        Sl.IdParam = IdP->getFunctionScopeIndex();
    } else if (N == "block_disable") {
      S.BlockDisable = X.flag(RHS);
    } else if (N == "is_shadow") {
      S.IsShadow = X.flag(RHS);
    } else {
      S.Callbacks[static_cast<unsigned>(*Kind)] = X.callbackRef(RHS);
    }
  }

  /// A helper that fills a struct klp_state through a parameter makes a
  /// state at each of its call sites, with the id folded there.
  void instantiateTemplates(ExtractContext &X) {
    for (size_t I = 0; I < Slots.size(); ++I) {
      if (!Slots[I].Template)
        continue;
      Slot T = Slots[I]; // copied: slot() below may grow Slots
      for (const ExtractContext::CallSiteRef &C : X.callsTo(T.Template)) {
        if (C.CE->getNumArgs() <= T.TemplateParam)
          continue;
        std::optional<SlotKey> Key = keyOf(C.CE->getArg(T.TemplateParam), X);
        if (!Key)
          continue;
        Slot &Inst = slot(X, *Key, C.CE->getBeginLoc(), true);
        merge(Inst.S, T.S);
        if (T.IdParam && *T.IdParam < C.CE->getNumArgs())
          Inst.S.Id = X.foldId(C.CE->getArg(*T.IdParam), C.Caller);
        else if (T.IdExpr)
          Inst.S.Id = T.S.Id;
      }
    }
  }

  static void merge(State &Into, const State &From) {
    if (From.BlockDisable != Flag::Unset)
      Into.BlockDisable = From.BlockDisable;
    if (From.IsShadow != Flag::Unset)
      Into.IsShadow = From.IsShadow;
    for (unsigned R = 0; R < NumRoles; ++R)
      if (From.Callbacks[R].Set)
        Into.Callbacks[R] = From.Callbacks[R];
  }

  std::vector<Patch> Patches;
  std::map<const VarDecl *, size_t> PatchIndex;
  std::vector<Slot> Slots;
  std::map<SlotKey, size_t> SlotIndex;
  std::map<const Decl *, SlotKey> Aliases;
  std::vector<std::string> StateArrays;
};

} // namespace

std::unique_ptr<FactFamily> makeStatesFamily() {
  return std::make_unique<StatesFamily>();
}

} // namespace klp
