// SPDX-License-Identifier: GPL-2.0-only
//===- FieldUses.cpp - Uses of members of the livepatch records -----------===//

#include "extract/FieldUses.h"
#include "extract/Context.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>

#include <set>

using namespace clang;

namespace klp {

namespace {

class FieldUseExtractor : public FactExtractor {
public:
  explicit FieldUseExtractor(
      std::vector<std::pair<KlpRecord, std::string>> Fields)
      : Fields(std::move(Fields)) {}

  void onVar(const VarDecl *VD, ExtractContext &X) override {
    if (const Expr *Init = VD->getInit())
      X.forEachRecordInit(Init, [&](const InitListExpr *ILE,
                                    const RecordDecl *RD,
                                    std::optional<int64_t>) {
        // A state's callbacks are judged with the state, for its id; the
        // walk visits the state's list before the callbacks' list.
        if (Done.count(ILE))
          return;
        std::optional<KlpRecord> Kind = kind(RD, X.records());
        if (!Kind)
          return;
        IdValue StateId;
        if (*Kind == KlpRecord::State)
          for (const FieldDecl *F : RD->fields()) {
            const Expr *E = fieldInit(ILE, F);
            if (F->getName() == "id" && E)
              StateId = X.foldId(E);
            const auto *Sub =
                E ? dyn_cast<InitListExpr>(E->IgnoreParenImpCasts()) : nullptr;
            if (Sub && X.records().is(recordOf(F->getType()),
                                      X.records().StateCallbacks)) {
              Done.insert(semanticForm(Sub));
              initializer(semanticForm(Sub), KlpRecord::StateCallbacks,
                          StateId, X);
            }
          }
        initializer(ILE, *Kind, StateId, X);
      });
  }

  void onAssign(const BinaryOperator *BO, ExtractContext &X) override {
    write(BO->getLHS(), BO->getOpcode() == BO_Assign ? BO->getRHS() : nullptr,
          X);
  }
  void onIncDec(const UnaryOperator *UO, ExtractContext &X) override {
    write(UO->getSubExpr(), nullptr, X);
  }

  void onMember(const MemberExpr *ME, ExtractContext &X) override {
    if (Writes.count(ME))
      return;
    if (std::optional<FieldUse> U = use(ME, FieldAccess::Read, X))
      Found.push_back(std::move(*U));
  }

  llvm::json::Value finish(ExtractContext &) override { return Found; }

private:
  std::optional<KlpRecord> kind(const RecordDecl *RD, const KlpRecords &R) {
    if (R.is(RD, R.State))
      return KlpRecord::State;
    if (R.is(RD, R.StateCallbacks))
      return KlpRecord::StateCallbacks;
    if (R.is(RD, R.Patch))
      return KlpRecord::Patch;
    if (R.is(RD, R.Callbacks))
      return KlpRecord::ObjectCallbacks;
    return std::nullopt;
  }

  bool wanted(KlpRecord K, llvm::StringRef Field) const {
    for (const auto &[R, F] : Fields)
      if (R == K && F == Field)
        return true;
    return false;
  }

  void initializer(const InitListExpr *ILE, KlpRecord Kind,
                   const IdValue &StateId, ExtractContext &X) {
    const InitListExpr *Syn =
        ILE->getSyntacticForm() ? ILE->getSyntacticForm() : ILE;
    for (const FieldDecl *F : ILE->getType()->getAsRecordDecl()->fields()) {
      if (!wanted(Kind, F->getName()))
        continue;
      const Expr *E = fieldInit(ILE, F);
      if (!E)
        continue;
      FieldUse U;
      U.Record = Kind;
      U.Field = F->getName().str();
      U.Access = FieldAccess::Initializer;
      U.Where = X.loc(designator(Syn, F, E));
      U.Zero = isZero(E, X);
      U.Value = X.foldId(E);
      U.StateId = StateId;
      Found.push_back(std::move(U));
    }
  }

  /// Where ".field = " is written, else the value itself (positional).
  static SourceLocation designator(const InitListExpr *Syn, const FieldDecl *F,
                                   const Expr *Value) {
    for (const Expr *E : Syn->inits())
      if (const auto *DIE = dyn_cast<DesignatedInitExpr>(E))
        for (const DesignatedInitExpr::Designator &D : DIE->designators())
          if (D.isFieldDesignator() && D.getFieldDecl() == F)
            return D.getDotLoc().isValid() ? D.getDotLoc() : D.getFieldLoc();
    return Value->getBeginLoc();
  }

  static bool isZero(const Expr *E, ExtractContext &X) {
    if (E->isValueDependent())
      return false;
    if (E->isNullPointerConstant(X.ast(), Expr::NPC_ValueDependentIsNotNull))
      return true;
    Expr::EvalResult R;
    return E->EvaluateAsInt(R, X.ast()) && R.Val.getInt().isZero();
  }

  void write(const Expr *LHS, const Expr *RHS, ExtractContext &X) {
    const auto *ME = dyn_cast<MemberExpr>(LHS->IgnoreParenImpCasts());
    if (!ME)
      return;
    std::optional<FieldUse> U = use(ME, FieldAccess::Write, X);
    if (!U)
      return;
    // The walk visits the operator before its operands: the member is known
    // as written when onMember sees it.
    Writes.insert(ME);
    if (RHS) {
      U->Zero = isZero(RHS, X);
      U->Value = X.foldId(RHS);
    }
    Found.push_back(std::move(*U));
  }

  std::optional<FieldUse> use(const MemberExpr *ME, FieldAccess Access,
                              ExtractContext &X) {
    const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!F)
      return std::nullopt;
    std::optional<KlpRecord> Kind = kind(F->getParent(), X.records());
    if (!Kind || !wanted(*Kind, F->getName()))
      return std::nullopt;
    FieldUse U;
    U.Record = *Kind;
    U.Field = F->getName().str();
    U.Access = Access;
    U.Where = X.loc(ME->getMemberLoc());
    // klp_get_state(patch, ID)->member, or the callbacks of such a state.
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    if (const auto *Outer = dyn_cast<MemberExpr>(Base))
      Base = Outer->getBase()->IgnoreParenImpCasts();
    if (const auto *CE = dyn_cast<CallExpr>(Base))
      if (const FunctionDecl *Callee = CE->getDirectCallee())
        if (Callee->getName() == "klp_get_state" ||
            Callee->getName() == "klp_get_prev_state")
          U.Lookup = Callee->getName().str();
    return U;
  }

  std::vector<std::pair<KlpRecord, std::string>> Fields;
  FieldUses Found;
  std::set<const InitListExpr *> Done;
  std::set<const MemberExpr *> Writes;
};

} // namespace

std::unique_ptr<FactExtractor>
makeFieldUseExtractor(std::vector<std::pair<KlpRecord, std::string>> Fields) {
  return std::make_unique<FieldUseExtractor>(std::move(Fields));
}

} // namespace klp
