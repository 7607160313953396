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
#include <set>

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

class StatesFamily : public FactFamily {
public:
  void onVar(const VarDecl *VD, ExtractContext &X) override {
    const KlpRecords &R = X.records();
    if (R.is(recordOf(VD->getType()), R.Patch) &&
        VD->isThisDeclarationADefinition() != VarDecl::DeclarationOnly) {
      Patch P;
      P.Name = VD->getName().str();
      P.Where = X.loc(VD->getLocation());
      PatchIndex[VD->getCanonicalDecl()] = Patches.size();
      Patches.push_back(P);
    }
    const Expr *Init = VD->getInit();
    if (!Init)
      return;
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

  void finish(ExtractContext &, TUFacts &Out) override {
    // Drop run-time slots that never got a constant id, and the id-0
    // terminators.
    for (size_t I = 0; I < States.size(); ++I) {
      State &S = States[I];
      if (RunTimeWithoutId.count(I))
        continue;
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
  /// A state slot: a variable and an index (0 for a lone struct).
  using SlotKey = std::pair<const Decl *, int64_t>;

  State &slot(ExtractContext &X, SlotKey Key, const Decl *Var,
              SourceLocation Where, bool RunTime) {
    auto It = Slots.find(Key);
    if (It != Slots.end())
      return States[It->second];
    Slots[Key] = States.size();
    State S;
    S.Where = X.loc(Where);
    S.RunTime = RunTime;
    if (const auto *ND = dyn_cast_or_null<NamedDecl>(Var)) {
      S.Array = ND->getName().str();
      S.ArrayLoc = X.loc(ND->getLocation());
    }
    States.push_back(S);
    return States.back();
  }

  void stateInit(ExtractContext &X, const InitListExpr *ILE, const VarDecl *Var,
                 int64_t Index) {
    const KlpRecords &R = X.records();
    SourceLocation Where = ILE->getBeginLoc();
    if (const InitListExpr *Syn = ILE->getSyntacticForm())
      Where = Syn->getBeginLoc();
    State &S = slot(X, {Var ? Var->getCanonicalDecl() : nullptr, Index}, Var,
                    Where, false);
    for (const FieldDecl *F : R.State->fields()) {
      const Expr *E = fieldInit(ILE, F);
      llvm::StringRef N = F->getName();
      if (N == "id") {
        S.Id = E ? X.foldId(E) : IdValue{0, "0", "", {}};
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

  void stateAssignment(ExtractContext &X, const BinaryOperator *BO,
                       const Expr *Base,
                       const std::vector<const FieldDecl *> &Path) {
    const KlpRecords &R = X.records();
    // Key the slot by variable and constant index.
    int64_t Index = 0;
    const Expr *E = Base->IgnoreParenImpCasts();
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      Expr::EvalResult Res;
      if (!ASE->getIdx()->EvaluateAsInt(Res, X.ast()))
        return;
      Index = Res.Val.getInt().getExtValue();
      E = ASE->getBase()->IgnoreParenImpCasts();
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    if (!DRE)
      return;
    const Decl *Var = DRE->getDecl()->getCanonicalDecl();
    const Expr *RHS = BO->getRHS();
    llvm::StringRef N = Path[0]->getName();
    bool Known = Slots.count({Var, Index});
    if (N == "id") {
      IdValue Id = X.foldId(RHS);
      if (!Id.known())
        return; // Only constant ids make a state.
      State &S = slot(X, {Var, Index}, DRE->getDecl(), BO->getBeginLoc(), true);
      S.Id = Id;
      RunTimeWithoutId.erase(Slots[{Var, Index}]);
      return;
    }
    State &S = slot(X, {Var, Index}, DRE->getDecl(), BO->getBeginLoc(), true);
    if (!Known && S.RunTime)
      RunTimeWithoutId.insert(Slots[{Var, Index}]);
    if (N == "block_disable")
      S.BlockDisable = X.flag(RHS);
    else if (N == "is_shadow")
      S.IsShadow = X.flag(RHS);
    else if (Path.size() == 2 &&
             R.is(recordOf(Path[0]->getType()), R.StateCallbacks))
      if (std::optional<Role> Kind = stateRole(Path[1]->getName()))
        S.Callbacks[static_cast<unsigned>(*Kind)] = X.callbackRef(RHS);
  }

  std::vector<Patch> Patches;
  std::map<const VarDecl *, size_t> PatchIndex;
  std::vector<State> States;
  std::map<SlotKey, size_t> Slots; // -> index into States
  std::set<size_t> RunTimeWithoutId;
  std::vector<std::string> StateArrays;
};

} // namespace

std::unique_ptr<FactFamily> makeStatesFamily() {
  return std::make_unique<StatesFamily>();
}

} // namespace klp
