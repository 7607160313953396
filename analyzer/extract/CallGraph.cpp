// SPDX-License-Identifier: GPL-2.0-only
//===- CallGraph.cpp - The module's functions and what they touch ---------===//

#include "extract/Context.h"
#include "extract/Families.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>

#include <map>
#include <set>

using namespace clang;

namespace klp {

namespace {

class CallGraphFamily : public FactFamily {
public:
  void onFunction(const FunctionDecl *FD, ExtractContext &X) override {
    Function F;
    F.Name = FD->getName().str();
    F.Internal = !FD->isExternallyVisible();
    F.Where = X.loc(FD->getLocation());
    Index[FD->getCanonicalDecl()] = Functions.size();
    Functions.push_back(std::move(F));
  }

  void onVar(const VarDecl *VD, ExtractContext &X) override {
    if (!VD->isFileVarDecl() ||
        VD->isThisDeclarationADefinition() == VarDecl::DeclarationOnly)
      return;
    if (!Defined.insert(VD->getCanonicalDecl()).second)
      return;
    Globals.push_back({VD->getName().str(), !VD->isExternallyVisible(),
                       X.loc(VD->getLocation())});
  }

  void onCall(const CallExpr *CE, ExtractContext &X) override {
    Function *F = current(X);
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (F && Callee)
      F->Calls.push_back({Callee->getName().str(), X.loc(CE->getBeginLoc())});
    if (const auto *DRE =
            dyn_cast<DeclRefExpr>(CE->getCallee()->IgnoreParenImpCasts()))
      CalleeRefs.insert(DRE);
  }

  void onAssign(const BinaryOperator *BO, ExtractContext &X) override {
    write(BO->getLHS(), X);
  }
  void onIncDec(const UnaryOperator *UO, ExtractContext &X) override {
    write(UO->getSubExpr(), X);
  }

  void onDeclRef(const DeclRefExpr *DRE, ExtractContext &X) override {
    // The walk visits a call before its callee, so a function named here
    // outside the callee set is used as a value: a callback, a new_func.
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
      if (!CalleeRefs.count(DRE))
        AddressTaken.insert(FD->getCanonicalDecl());
    Function *F = current(X);
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!F || !VD || !VD->hasGlobalStorage() || WriteRefs.count(DRE))
      return;
    F->Globals.push_back({VD->getName().str(), false, X.loc(DRE->getLocation())});
  }

  void finish(ExtractContext &, TUFacts &Out) override {
    for (const FunctionDecl *FD : AddressTaken)
      if (auto It = Index.find(FD); It != Index.end())
        Functions[It->second].AddressTaken = true;
    Out.Functions = std::move(Functions);
    Out.Globals = std::move(Globals);
  }

private:
  Function *current(ExtractContext &X) {
    const FunctionDecl *FD = X.function();
    if (!FD)
      return nullptr;
    auto It = Index.find(FD->getCanonicalDecl());
    return It == Index.end() ? nullptr : &Functions[It->second];
  }

  /// The variable an assignment or ++/-- changes: "v", "v.m", "v[i]". The
  /// walk visits the operator before its operands, so the reference is known
  /// as a write when onDeclRef sees it.
  void write(const Expr *LHS, ExtractContext &X) {
    Function *F = current(X);
    if (!F)
      return;
    std::vector<const FieldDecl *> Path;
    const Expr *Base = memberPath(LHS, Path)->IgnoreParenImpCasts();
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(Base))
      Base = ASE->getBase()->IgnoreParenImpCasts();
    const auto *DRE = dyn_cast<DeclRefExpr>(Base);
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!VD || !VD->hasGlobalStorage())
      return;
    WriteRefs.insert(DRE);
    F->Globals.push_back({VD->getName().str(), true, X.loc(LHS->getBeginLoc())});
  }

  std::vector<Function> Functions;
  std::map<const FunctionDecl *, size_t> Index;
  std::vector<GlobalVar> Globals;
  std::set<const VarDecl *> Defined;
  std::set<const DeclRefExpr *> WriteRefs;
  std::set<const DeclRefExpr *> CalleeRefs;
  std::set<const FunctionDecl *> AddressTaken;
};

} // namespace

std::unique_ptr<FactFamily> makeCallGraphFamily() {
  return std::make_unique<CallGraphFamily>();
}

} // namespace klp
