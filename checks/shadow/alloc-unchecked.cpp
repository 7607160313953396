// SPDX-License-Identifier: GPL-2.0-only
//===- alloc-unchecked.cpp - shadow-alloc-unchecked -------------------------===//
//
// Results of klp_shadow_alloc and klp_shadow_get_or_alloc dereferenced
// without a NULL check.
//
// Both return NULL when the allocation or the constructor fails, and
// klp_shadow_alloc() also for a <obj, id> that has a variable already (it
// warns "Duplicate shadow variable"; docs/semantics.md#context-rules). The
// dereference then faults (docs/semantics.md#rule-shadow-alloc-unchecked).
// The facts are this check's own, per function and in the order of the
// walk (which is the order of the source): a local variable set from a
// call, each use of it that dereferences it, tests it or sets it anew, a
// call whose result is dereferenced at once, and the calls a function
// returns. Which calls allocate is told by the shared facts: a shadow call
// at that place (also through a helper that passes an id on), or a call of
// a function that returns one. An allocation stored in a variable is
// flagged at the first dereference that no test of the variable precedes.
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"
#include "extract/Context.h"
#include "extract/Extractor.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ParentMap.h>
#include <clang/AST/Stmt.h>
#include <fmt/format.h>

#include <map>
#include <set>

namespace klp::checks {

namespace {

enum class UseKind { Assign, Test, Deref, Kill };
KLP_ENUM_JSON(UseKind, Kill)

/// One step of a function, in source order.
struct Use {
  UseKind Kind = UseKind::Assign;
  std::string Var;    ///< "p@<offset of its declaration>"; "" for a call
  std::string Callee; ///< Assign, or a call dereferenced at once
  Loc Call;           ///< that call
  Loc Where;
};

template <class M> void mapFields(M &&Map, Use &U) {
  Map("kind", U.Kind);
  Map("var", U.Var);
  Map("callee", U.Callee);
  Map("call", U.Call);
  Map("where", U.Where);
}
KLP_JSON_MAPPED(Use)

struct FunctionUses {
  std::string Function;
  std::vector<Use> Uses;
  /// "return f(...)": the calls whose result it returns.
  std::vector<Loc> Returns;
  std::vector<std::string> ReturnCallees;
};

template <class M> void mapFields(M &&Map, FunctionUses &F) {
  Map("function", F.Function);
  Map("uses", F.Uses);
  Map("returns", F.Returns);
  Map("return_callees", F.ReturnCallees);
}
KLP_JSON_MAPPED(FunctionUses)

using Facts = std::vector<FunctionUses>;

const clang::Expr *bare(const clang::Expr *E) { return E->IgnoreParenCasts(); }

class Extractor : public FactExtractor {
public:
  void onFunction(const clang::FunctionDecl *FD, ExtractContext &) override {
    Fns.push_back({FD->getName().str(), {}, {}, {}});
    Tracked.clear();
  }

  void onVar(const clang::VarDecl *VD, ExtractContext &X) override {
    if (!X.function() || !VD->hasLocalStorage() || !VD->getInit())
      return;
    if (const auto *CE = llvm::dyn_cast<clang::CallExpr>(bare(VD->getInit())))
      assign(VD, CE, X);
  }

  void onAssign(const clang::BinaryOperator *BO, ExtractContext &X) override {
    if (!X.function() || BO->getOpcode() != clang::BO_Assign)
      return;
    const auto *DRE = llvm::dyn_cast<clang::DeclRefExpr>(bare(BO->getLHS()));
    const auto *VD = DRE ? llvm::dyn_cast<clang::VarDecl>(DRE->getDecl()) : nullptr;
    if (!VD || !VD->hasLocalStorage())
      return;
    if (const auto *CE = llvm::dyn_cast<clang::CallExpr>(bare(BO->getRHS()))) {
      assign(VD, CE, X);
      // "if (!(p = alloc(...)))" tests what it stores.
      if (context(BO, X) == UseKind::Test)
        use(UseKind::Test, VD, BO->getBeginLoc(), X);
    } else if (Tracked.count(VD)) {
      use(UseKind::Kill, VD, BO->getBeginLoc(), X);
    }
    Assigning.insert(DRE);
  }

  void onDeclRef(const clang::DeclRefExpr *DRE, ExtractContext &X) override {
    const auto *VD = llvm::dyn_cast<clang::VarDecl>(DRE->getDecl());
    if (!X.function() || !VD || !Tracked.count(VD) || Assigning.count(DRE))
      return;
    std::optional<UseKind> K = context(DRE, X);
    if (K)
      use(*K, VD, DRE->getBeginLoc(), X);
  }

  void onCall(const clang::CallExpr *CE, ExtractContext &X) override {
    if (!X.function() || !CE->getDirectCallee())
      return;
    if (context(CE, X) == UseKind::Deref)
      Fns.back().Uses.push_back({UseKind::Deref, "",
                                 CE->getDirectCallee()->getName().str(),
                                 X.loc(CE->getBeginLoc()),
                                 X.loc(CE->getBeginLoc())});
  }

  void onReturn(const clang::ReturnStmt *RS, ExtractContext &X) override {
    if (!X.function() || !RS->getRetValue() || Fns.empty())
      return;
    if (const auto *CE = llvm::dyn_cast<clang::CallExpr>(bare(RS->getRetValue())))
      if (const clang::FunctionDecl *Callee = CE->getDirectCallee()) {
        Fns.back().Returns.push_back(X.loc(CE->getBeginLoc()));
        Fns.back().ReturnCallees.push_back(Callee->getName().str());
      }
  }

  llvm::json::Value finish(ExtractContext &) override { return Fns; }

private:
  static std::string key(const clang::VarDecl *VD, ExtractContext &X) {
    return fmt::format("{}@{}", VD->getName().str(),
                       X.loc(VD->getLocation()).Offset);
  }

  void assign(const clang::VarDecl *VD, const clang::CallExpr *CE,
              ExtractContext &X) {
    if (!CE->getDirectCallee() || Fns.empty())
      return;
    Tracked.insert(VD);
    Fns.back().Uses.push_back({UseKind::Assign, key(VD, X),
                               CE->getDirectCallee()->getName().str(),
                               X.loc(CE->getBeginLoc()),
                               X.loc(CE->getBeginLoc())});
  }

  void use(UseKind K, const clang::VarDecl *VD, clang::SourceLocation L,
           ExtractContext &X) {
    if (!Fns.empty())
      Fns.back().Uses.push_back({K, key(VD, X), "", {}, X.loc(L)});
  }

  /// What the expression \p E's value is used for: dereferenced ("*e",
  /// "e->m", "e[i]", where that is evaluated), tested ("!e", "e == x",
  /// "e && ...", a condition, IS_ERR_OR_NULL(e)), or neither (nullopt).
  std::optional<UseKind> context(const clang::Expr *E, ExtractContext &X) {
    std::optional<UseKind> K = use(E, X);
    if (K == UseKind::Deref && !evaluated(E, X))
      return std::nullopt; // sizeof(*p), typeof(p->m): nothing is read
    return K;
  }

  /// Is \p E evaluated: not inside sizeof, _Alignof or a typeof?
  bool evaluated(const clang::Expr *E, ExtractContext &X) {
    const clang::ParentMap *PM = parents(X);
    if (!PM)
      return true;
    for (const clang::Stmt *P = PM->getParent(E);; P = PM->getParent(P)) {
      if (!P)
        return false; // outside the body's statements: a type, typeof(...)
      if (llvm::isa<clang::UnaryExprOrTypeTraitExpr>(P))
        return false;
      if (!llvm::isa<clang::Expr>(P))
        return true; // a statement (a DeclStmt: an initializer) is run
    }
  }

  /// The parents of the current function's statements. Built once per
  /// function over its body only: ASTContext::getParents() would map the
  /// whole translation unit, kernel headers included, on its first call
  /// (44 ms per kernel TU).
  const clang::ParentMap *parents(ExtractContext &X) {
    const clang::FunctionDecl *FD = X.function();
    if (ParentsOf != FD) {
      clang::Stmt *Body = FD ? FD->getBody() : nullptr;
      Parents = Body ? std::make_unique<clang::ParentMap>(Body) : nullptr;
      ParentsOf = FD;
    }
    return Parents.get();
  }

  std::optional<UseKind> use(const clang::Expr *E, ExtractContext &X) {
    const clang::ParentMap *PM = parents(X);
    if (!PM)
      return std::nullopt;
    const clang::Stmt *Child = E;
    for (const clang::Stmt *P = PM->getParent(E); P; P = PM->getParent(P)) {
      if (llvm::isa<clang::ParenExpr>(P) || llvm::isa<clang::ImplicitCastExpr>(P) ||
          llvm::isa<clang::CStyleCastExpr>(P)) {
        Child = P;
        continue;
      }
      if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(P)) {
        if (UO->getOpcode() == clang::UO_Deref)
          return UseKind::Deref;
        if (UO->getOpcode() == clang::UO_LNot)
          return UseKind::Test;
        return std::nullopt;
      }
      if (const auto *ME = llvm::dyn_cast<clang::MemberExpr>(P))
        return ME->isArrow() && ME->getBase() == Child
                   ? std::optional<UseKind>(UseKind::Deref)
                   : std::nullopt;
      if (const auto *AS = llvm::dyn_cast<clang::ArraySubscriptExpr>(P))
        return AS->getBase() == Child ? std::optional<UseKind>(UseKind::Deref)
                                      : std::nullopt;
      if (const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(P))
        return BO->isEqualityOp() || BO->isLogicalOp()
                   ? std::optional<UseKind>(UseKind::Test)
                   : std::nullopt;
      if (const auto *CO = llvm::dyn_cast<clang::ConditionalOperator>(P))
        return CO->getCond() == Child ? std::optional<UseKind>(UseKind::Test)
                                      : std::nullopt;
      if (const auto *If = llvm::dyn_cast<clang::IfStmt>(P))
        return If->getCond() == Child ? std::optional<UseKind>(UseKind::Test)
                                      : std::nullopt;
      if (const auto *W = llvm::dyn_cast<clang::WhileStmt>(P))
        return W->getCond() == Child ? std::optional<UseKind>(UseKind::Test)
                                     : std::nullopt;
      if (const auto *D = llvm::dyn_cast<clang::DoStmt>(P))
        return D->getCond() == Child ? std::optional<UseKind>(UseKind::Test)
                                     : std::nullopt;
      if (const auto *F = llvm::dyn_cast<clang::ForStmt>(P))
        return F->getCond() == Child ? std::optional<UseKind>(UseKind::Test)
                                     : std::nullopt;
      if (const auto *CE = llvm::dyn_cast<clang::CallExpr>(P)) {
        const clang::FunctionDecl *FD = CE->getDirectCallee();
        return FD && FD->getName() == "IS_ERR_OR_NULL"
                   ? std::optional<UseKind>(UseKind::Test)
                   : std::nullopt;
      }
      return std::nullopt;
    }
    return std::nullopt;
  }

  Facts Fns;
  std::set<const clang::VarDecl *> Tracked;
  std::set<const clang::DeclRefExpr *> Assigning;
  std::unique_ptr<clang::ParentMap> Parents;
  const clang::FunctionDecl *ParentsOf = nullptr;
};

using LocKey = std::pair<std::string, unsigned>;
LocKey keyOf(const Loc &L) { return {L.File, L.Offset}; }

class ShadowAllocUncheckedCheck : public Check {
public:
  using Check::Check;
  std::unique_ptr<FactExtractor> extractor() const override {
    return std::make_unique<Extractor>();
  }

  void check(const ModuleModel &M, std::vector<Finding> &Out) const override {
    for (const TUFacts &TU : M.TUs)
      checkTU(TU, Out);
  }

private:
  void checkTU(const TUFacts &TU, std::vector<Finding> &Out) const {
    // The allocations: shadow calls by place, then the functions that
    // return one (helpers, nested too).
    std::map<LocKey, const ShadowCall *> Allocs;
    for (const ShadowCall &C : TU.ShadowCalls)
      if (C.Api == ShadowApi::Alloc || C.Api == ShadowApi::GetOrAlloc)
        Allocs.insert({keyOf(C.Where), &C});
    Facts Fns = own<Facts>(TU);
    std::map<std::string, const ShadowCall *> Returning;
    for (bool Grew = true; Grew;) {
      Grew = false;
      for (const FunctionUses &F : Fns)
        for (size_t I = 0; I < F.Returns.size(); ++I)
          if (const ShadowCall *A =
                  allocation(F.Returns[I], F.ReturnCallees[I], Allocs, Returning))
            Grew |= Returning.insert({F.Function, A}).second;
    }
    for (const FunctionUses &F : Fns) {
      std::map<std::string, std::pair<const ShadowCall *, std::string>> Armed;
      for (const Use &U : F.Uses) {
        switch (U.Kind) {
        case UseKind::Assign:
          if (const ShadowCall *A = allocation(U.Call, U.Callee, Allocs, Returning))
            Armed[U.Var] = {A, U.Callee};
          else
            Armed.erase(U.Var);
          break;
        case UseKind::Test:
        case UseKind::Kill:
          Armed.erase(U.Var);
          break;
        case UseKind::Deref:
          if (U.Var.empty()) {
            if (const ShadowCall *A =
                    allocation(U.Call, U.Callee, Allocs, Returning))
              Out.push_back(unchecked(*A, U.Callee, "", U.Where));
          } else if (auto It = Armed.find(U.Var); It != Armed.end()) {
            Out.push_back(unchecked(*It->second.first, It->second.second,
                                    U.Var.substr(0, U.Var.find('@')), U.Where));
            Armed.erase(It); // once per allocation
          }
          break;
        }
      }
    }
  }

  /// The shadow allocation the call at \p Call of \p Callee makes, if any.
  static const ShadowCall *
  allocation(const Loc &Call, const std::string &Callee,
             const std::map<LocKey, const ShadowCall *> &Allocs,
             const std::map<std::string, const ShadowCall *> &Returning) {
    if (auto It = Allocs.find(keyOf(Call)); It != Allocs.end())
      return It->second;
    if (auto It = Returning.find(Callee); It != Returning.end())
      return It->second;
    return nullptr;
  }

  Finding unchecked(const ShadowCall &A, const std::string &Callee,
                    const std::string &Var, const Loc &Where) const {
    bool Direct = Callee == shadowApiName(A.Api) ||
                  (!A.Helper.empty() && Callee == A.Helper);
    std::string From = Direct ? fmt::format("{}()", Callee)
                              : fmt::format("{}() (it returns {}())", Callee,
                                            shadowApiName(A.Api));
    Finding F = finding(
        Where,
        fmt::format("shadow variable id {} from {} is dereferenced{} without "
                    "a NULL check; {}() returns NULL when {}, and then this "
                    "dereference faults",
                    A.Id.describe(), From,
                    Var.empty() ? "" : fmt::format(" through '{}'", Var),
                    shadowApiName(A.Api),
                    A.Api == ShadowApi::Alloc
                        ? "the object has a variable with this id already "
                          "(\"Duplicate shadow variable\"), the allocation "
                          "fails or the constructor fails"
                        : "the allocation or the constructor fails"));
    F.Notes.push_back({A.Where, fmt::format("allocated here by {}(){}",
                                            shadowApiName(A.Api),
                                            A.Helper.empty()
                                                ? ""
                                                : fmt::format(" through '{}'",
                                                              A.Helper))});
    return F;
  }
};

} // namespace

KLP_REGISTER_CHECK(ShadowAllocUncheckedCheck)

} // namespace klp::checks
