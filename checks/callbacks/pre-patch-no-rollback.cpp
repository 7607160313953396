// SPDX-License-Identifier: GPL-2.0-only
//===- pre-patch-no-rollback.cpp - callbacks-pre-patch-no-rollback --------===//
//
// State pre_patch callbacks with a path that returns an error after a side
// effect (a shadow variable, an allocation, a registration, a write to a
// kernel variable) without undoing it.
//
// When a state's pre_patch fails, the core cancels the enable and runs
// post_unpatch and the shadow free only for the states before it: neither
// runs for the failing state (docs/semantics.md#pre-patch-failure). What
// that pre_patch did before failing stays done after the failed insmod
// (DER-7, CB-2): "clean up its own mess in case of error"
// (docs/semantics.md#rule-callbacks-pre-patch-no-rollback). Heuristic, path
// by path within the function (its CFG; loops at most twice, bounded): a
// side effect is a klp_shadow_alloc()/get_or_alloc(), an allocation
// (k*alloc, vmalloc, ...), a register_*() or *_register() call, or a write
// to a variable that outlives the module (one the livepatch does not
// define, or one reached through a pointer it stores); it is undone by
// klp_shadow_free*() of its id, a free of the variable holding it,
// the matching unregister/deregister call, or another write to the
// variable. On the branch where a call's result says it failed (!p, IS_ERR,
// ret, ret < 0), that call did nothing. A return is an error when it
// returns a non-zero constant, PTR_ERR(), or a variable known non-zero on
// the path; any other return value is not judged. The facts are this
// check's own: per function that could be a pre_patch (int result, a
// struct klp_patch * or klp_state * parameter), the first failing return
// and what is pending there; check() keeps the states' pre_patch ones.
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"
#include "extract/Context.h"
#include "extract/Extractor.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/Analysis/CFG.h>
#include <fmt/format.h>

#include <map>
#include <set>

namespace klp::checks {

namespace {

struct Pending {
  std::string What; ///< "klp_shadow_alloc() of id 'SV' (1)", "kzalloc()"
  Loc Where;
};

template <class M> void mapFields(M &&Map, Pending &P) {
  Map("what", P.What);
  Map("where", P.Where);
}
KLP_JSON_MAPPED(Pending)

struct NoRollback {
  std::string Function;
  Loc Return;
  std::vector<Pending> Effects;
};

template <class M> void mapFields(M &&Map, NoRollback &N) {
  Map("function", N.Function);
  Map("return", N.Return);
  Map("effects", N.Effects);
}
KLP_JSON_MAPPED(NoRollback)

using Facts = std::vector<NoRollback>;

// --- Classifying calls -----------------------------------------------------

bool isAllocator(llvm::StringRef N) {
  static const char *const Names[] = {
      "kmalloc", "kzalloc", "kcalloc", "kmalloc_array", "kstrdup", "kmemdup",
      "kstrndup", "krealloc", "vmalloc", "vzalloc", "kvmalloc", "kvzalloc",
      "kvcalloc", "kvmalloc_array", "kmem_cache_alloc", "kmem_cache_zalloc",
      "kmalloc_node", "kzalloc_node", "devm_kzalloc"};
  for (const char *A : Names)
    if (N == A)
      return true;
  return false;
}

bool isFree(llvm::StringRef N) {
  return N == "kfree" || N == "vfree" || N == "kvfree" ||
         N == "kfree_sensitive" || N == "kmem_cache_free" || N == "kfree_const";
}

/// "register_kprobe" -> "unregister_kprobe"; "misc_register" ->
/// "misc_deregister" (either spelling undoes it).
bool isRegister(llvm::StringRef N) {
  if (N.contains("unregister") || N.contains("deregister"))
    return false;
  return N.starts_with("register_") || N.ends_with("_register");
}

bool undoesRegister(llvm::StringRef Undo, llvm::StringRef Reg) {
  std::string A = Reg.str(), B = Reg.str();
  size_t At = Reg.find("register");
  A.replace(At, 8, "unregister");
  B.replace(At, 8, "deregister");
  return Undo == A || Undo == B;
}

// --- The path walk -----------------------------------------------------------

enum class Value { Unknown, Zero, NonZero };

/// A side effect of the function: one per call or write, by statement.
struct Site {
  enum Kind { Shadow, Alloc, Register, Write } K;
  std::string What;
  Loc Where;
  std::optional<uint64_t> Id;         ///< Shadow: the folded id
  std::string Callee;                 ///< Register: the register call
  const clang::VarDecl *Var = nullptr; ///< Write: the variable written
  bool PointerResult = false;         ///< the call returns a pointer
};

struct PathState {
  uint64_t Pending = 0; ///< bit i: site i not undone
  std::map<const clang::VarDecl *, int> ResultOf; ///< var -> site of its value
  std::map<const clang::VarDecl *, Value> Val;
  std::map<const clang::CFGBlock *, unsigned> Visits;
};

class PathWalk {
public:
  PathWalk(const clang::FunctionDecl *FD, ExtractContext &X) : FD(FD), X(X) {}

  /// The first failing return with something pending, if any.
  std::optional<NoRollback> run() {
    clang::CFG::BuildOptions Opts;
    std::unique_ptr<clang::CFG> G =
        clang::CFG::buildCFG(FD, FD->getBody(), &X.ast(), Opts);
    if (!G)
      return std::nullopt;
    PathState S;
    walk(&G->getEntry(), S);
    if (Budget == 0 || !Found)
      return std::nullopt; // too many paths: not judged
    return Found;
  }

private:
  static constexpr unsigned MaxSites = 64;

  void walk(const clang::CFGBlock *B, PathState S) {
    if (Found || Budget == 0)
      return;
    --Budget;
    if (++S.Visits[B] > 2)
      return; // a loop: twice round is enough
    for (const clang::CFGElement &E : *B)
      if (std::optional<clang::CFGStmt> CS = E.getAs<clang::CFGStmt>())
        if (!step(CS->getStmt(), S))
          return; // the path returned
    unsigned Succs = 0;
    for (const clang::CFGBlock::AdjacentBlock &A : B->succs())
      Succs += A.isReachable() ? 1 : 0;
    const clang::Expr *Cond =
        llvm::dyn_cast_or_null<clang::Expr>(B->getTerminatorCondition());
    unsigned I = 0;
    for (const clang::CFGBlock::AdjacentBlock &A : B->succs()) {
      const clang::CFGBlock *Next = A.getReachableBlock();
      unsigned Branch = I++;
      if (!Next)
        continue;
      PathState T = S;
      if (Cond && B->succ_size() == 2)
        assume(Cond, Branch == 0, T);
      walk(Next, std::move(T));
    }
    (void)Succs;
  }

  int siteOf(const clang::Stmt *St) {
    auto It = Sites.find(St);
    return It == Sites.end() ? -1 : It->second;
  }

  int addSite(const clang::Stmt *St, Site Si) {
    auto It = Sites.find(St);
    if (It != Sites.end())
      return It->second;
    if (All.size() >= MaxSites)
      return -1;
    Sites[St] = All.size();
    All.push_back(std::move(Si));
    return All.size() - 1;
  }

  /// The variable a write changes that outlives the module: a global the
  /// livepatch does not define, or anything reached through a pointer held
  /// in a global ("*knob_ptr = 1").
  const clang::VarDecl *lastingTarget(const clang::Expr *LHS) {
    std::vector<const clang::FieldDecl *> Path;
    const clang::Expr *Base = memberPath(LHS, Path)->IgnoreParenImpCasts();
    bool Through = false;
    while (true) {
      if (const auto *ASE = llvm::dyn_cast<clang::ArraySubscriptExpr>(Base)) {
        Through |= ASE->getBase()->getType()->isPointerType();
        Base = ASE->getBase()->IgnoreParenImpCasts();
      } else if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(Base);
                 UO && UO->getOpcode() == clang::UO_Deref) {
        Through = true;
        Base = UO->getSubExpr()->IgnoreParenImpCasts();
      } else if (const auto *ME = llvm::dyn_cast<clang::MemberExpr>(Base)) {
        Through |= ME->isArrow();
        Base = ME->getBase()->IgnoreParenImpCasts();
      } else {
        break;
      }
    }
    const auto *DRE = llvm::dyn_cast<clang::DeclRefExpr>(Base);
    const auto *VD = DRE ? llvm::dyn_cast<clang::VarDecl>(DRE->getDecl()) : nullptr;
    if (!VD || !VD->hasGlobalStorage() || VD->isStaticLocal())
      return nullptr;
    // Defined here (a tentative "static int x;" included): the module's own.
    bool Own = false;
    for (const clang::VarDecl *R : VD->redecls())
      Own |= R->isThisDeclarationADefinition() != clang::VarDecl::DeclarationOnly &&
             X.isOwn(R->getLocation());
    return Own && !Through ? nullptr : VD->getCanonicalDecl();
  }

  static const clang::VarDecl *localVar(const clang::Expr *E) {
    const auto *DRE = llvm::dyn_cast<clang::DeclRefExpr>(E->IgnoreParenCasts());
    const auto *VD = DRE ? llvm::dyn_cast<clang::VarDecl>(DRE->getDecl()) : nullptr;
    return VD ? VD->getCanonicalDecl() : nullptr;
  }

  Value constant(const clang::Expr *E) {
    clang::Expr::EvalResult R;
    if (E->isValueDependent() || !E->EvaluateAsInt(R, X.ast()))
      return Value::Unknown;
    return R.Val.getInt() == 0 ? Value::Zero : Value::NonZero;
  }

  /// One statement of the path; false when the path ends here.
  bool step(const clang::Stmt *St, PathState &S) {
    if (const auto *CE = llvm::dyn_cast<clang::CallExpr>(St)) {
      call(CE, S);
    } else if (const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(St)) {
      if (BO->isAssignmentOp())
        assign(BO->getLHS(), BO->getOpcode() == clang::BO_Assign ? BO->getRHS()
                                                                 : nullptr,
               BO, S);
    } else if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(St)) {
      if (UO->isIncrementDecrementOp())
        assign(UO->getSubExpr(), nullptr, UO, S);
    } else if (const auto *DS = llvm::dyn_cast<clang::DeclStmt>(St)) {
      for (const clang::Decl *D : DS->decls())
        if (const auto *VD = llvm::dyn_cast<clang::VarDecl>(D))
          if (const clang::Expr *Init = VD->getInit())
            bind(VD->getCanonicalDecl(), Init, S);
    } else if (const auto *RS = llvm::dyn_cast<clang::ReturnStmt>(St)) {
      ret(RS, S);
      return false;
    }
    return true;
  }

  void call(const clang::CallExpr *CE, PathState &S) {
    const clang::FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee)
      return;
    llvm::StringRef N = Callee->getName();
    bool Own = definedInOwnFiles(Callee, X);
    if (std::optional<ShadowApi> Api = coreShadowApi(Callee, X)) {
      unsigned IdArg = *Api == ShadowApi::FreeAll ? 0 : 1;
      IdValue Id = X.foldId(CE->getArg(IdArg));
      if (*Api == ShadowApi::Alloc || *Api == ShadowApi::GetOrAlloc) {
        Site Si{Site::Shadow,
                fmt::format("{}() of id {}", shadowApiName(*Api), Id.describe()),
                X.loc(CE->getBeginLoc())};
        Si.Id = Id.Value;
        Si.PointerResult = true;
        set(S, addSite(CE, Si));
      } else if (*Api == ShadowApi::Free || *Api == ShadowApi::FreeAll) {
        for (unsigned I = 0; I < All.size(); ++I)
          if (All[I].K == Site::Shadow &&
              (!Id.Value || !All[I].Id || *Id.Value == *All[I].Id))
            S.Pending &= ~(uint64_t(1) << I);
      }
      return;
    }
    if (Own)
      return; // the livepatch's own helper: not followed
    if (isAllocator(N)) {
      Site Si{Site::Alloc, fmt::format("{}()", N.str()), X.loc(CE->getBeginLoc())};
      Si.PointerResult = true;
      set(S, addSite(CE, Si));
    } else if (isRegister(N)) {
      Site Si{Site::Register, fmt::format("{}()", N.str()), X.loc(CE->getBeginLoc())};
      Si.Callee = N.str();
      Si.PointerResult = Callee->getReturnType()->isPointerType();
      set(S, addSite(CE, Si));
    } else if (isFree(N) && CE->getNumArgs() >= 1) {
      const clang::VarDecl *V = localVar(CE->getArg(CE->getNumArgs() - 1));
      auto It = V ? S.ResultOf.find(V) : S.ResultOf.end();
      if (It != S.ResultOf.end() && It->second >= 0)
        S.Pending &= ~(uint64_t(1) << It->second);
      else if (!V)
        for (unsigned I = 0; I < All.size(); ++I)
          if (All[I].K == Site::Alloc)
            S.Pending &= ~(uint64_t(1) << I); // freed through an expression
    } else if (N.contains("unregister") || N.contains("deregister")) {
      for (unsigned I = 0; I < All.size(); ++I)
        if (All[I].K == Site::Register && undoesRegister(N, All[I].Callee))
          S.Pending &= ~(uint64_t(1) << I);
    }
  }

  static void set(PathState &S, int Site) {
    if (Site >= 0)
      S.Pending |= uint64_t(1) << Site;
  }

  /// "v = <init>": remember which call's result, or which constant, v holds.
  void bind(const clang::VarDecl *V, const clang::Expr *Init, PathState &S) {
    const clang::Expr *E = Init->IgnoreParenCasts();
    if (const auto *Inner = llvm::dyn_cast<clang::BinaryOperator>(E);
        Inner && Inner->getOpcode() == clang::BO_Assign)
      E = Inner->getRHS()->IgnoreParenCasts();
    S.ResultOf[V] = siteOf(E);
    S.Val[V] = constant(Init);
  }

  void assign(const clang::Expr *LHS, const clang::Expr *RHS,
              const clang::Stmt *St, PathState &S) {
    // A local, or a variable of the module's own (which the failed insmod
    // unloads with it): what it holds is tracked, and writing it is no
    // side effect ("table = kcalloc(...)" is freed by "kfree(table)").
    if (const clang::VarDecl *V = localVar(LHS);
        V && (!V->hasGlobalStorage() || !lastingTarget(LHS))) {
      if (RHS)
        bind(V, RHS, S);
      else
        S.Val[V] = Value::Unknown, S.ResultOf[V] = -1;
      return;
    }
    const clang::VarDecl *G = lastingTarget(LHS);
    if (!G)
      return;
    // A second write to the same variable puts it back.
    for (unsigned I = 0; I < All.size(); ++I)
      if (All[I].K == Site::Write && All[I].Var == G &&
          (S.Pending & (uint64_t(1) << I))) {
        S.Pending &= ~(uint64_t(1) << I);
        return;
      }
    Site Si{Site::Write, fmt::format("the write to '{}'", G->getName().str()),
            X.loc(LHS->getBeginLoc())};
    Si.Var = G;
    set(S, addSite(St, Si));
  }

  /// Strip "!!x", __builtin_expect(x, c) (likely/unlikely) and casts.
  static const clang::Expr *bare(const clang::Expr *E) {
    while (true) {
      E = E->IgnoreParenCasts();
      if (const auto *CE = llvm::dyn_cast<clang::CallExpr>(E))
        if (CE->getBuiltinCallee() == clang::Builtin::BI__builtin_expect &&
            CE->getNumArgs() == 2) {
          E = CE->getArg(0);
          continue;
        }
      if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(E);
          UO && UO->getOpcode() == clang::UO_LNot)
        if (const auto *In = llvm::dyn_cast<clang::UnaryOperator>(
                UO->getSubExpr()->IgnoreParenCasts());
            In && In->getOpcode() == clang::UO_LNot) {
          E = In->getSubExpr();
          continue;
        }
      return E;
    }
  }

  /// The site and variable an operand of a test stands for.
  void operand(const clang::Expr *E, PathState &S, int &SiteOut,
               const clang::VarDecl *&VarOut) {
    E = bare(E);
    if (const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(E);
        BO && BO->getOpcode() == clang::BO_Assign) {
      VarOut = localVar(BO->getLHS());
      E = BO->getRHS()->IgnoreParenCasts();
    }
    if (int Si = siteOf(E); Si >= 0) {
      SiteOut = Si;
      return;
    }
    if (!VarOut)
      VarOut = localVar(E);
    if (VarOut)
      if (auto It = S.ResultOf.find(VarOut); It != S.ResultOf.end())
        SiteOut = It->second;
  }

  /// The branch taken where \p Cond is \p True.
  void assume(const clang::Expr *Cond, bool True, PathState &S) {
    const clang::Expr *E = bare(Cond);
    bool Negated = false;
    if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(E);
        UO && UO->getOpcode() == clang::UO_LNot) {
      Negated = true;
      E = bare(UO->getSubExpr());
    }
    // "x" is true when it is non-zero (non-NULL).
    bool NonZero = True != Negated;
    const clang::Expr *Tested = E;
    bool ErrorTest = false; // IS_ERR(x), x < 0: true means it failed
    if (const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(E)) {
      Value R = constant(BO->getRHS());
      if ((BO->getOpcode() == clang::BO_EQ || BO->getOpcode() == clang::BO_NE) &&
          (R == Value::Zero ||
           BO->getRHS()->isNullPointerConstant(
               X.ast(), clang::Expr::NPC_ValueDependentIsNull))) {
        Tested = BO->getLHS();
        NonZero = (BO->getOpcode() == clang::BO_NE) == True;
      } else if (BO->getOpcode() == clang::BO_LT && R == Value::Zero) {
        Tested = BO->getLHS();
        ErrorTest = true;
      } else {
        return;
      }
    } else if (const auto *CE = llvm::dyn_cast<clang::CallExpr>(E)) {
      const clang::FunctionDecl *F = CE->getDirectCallee();
      if (F && (F->getName() == "IS_ERR" || F->getName() == "IS_ERR_OR_NULL") &&
          CE->getNumArgs() == 1) {
        Tested = CE->getArg(0);
        ErrorTest = true;
      }
    }
    int Si = -1;
    const clang::VarDecl *V = nullptr;
    operand(Tested, S, Si, V);
    bool Failed;
    if (ErrorTest)
      Failed = True != Negated;
    else if (Si >= 0 && All[Si].PointerResult)
      Failed = !NonZero; // NULL: the call failed
    else if (Si >= 0)
      Failed = NonZero; // an int result: non-zero is an error
    else
      Failed = false;
    if (Si >= 0 && Failed)
      S.Pending &= ~(uint64_t(1) << Si);
    if (V && !ErrorTest)
      S.Val[V] = NonZero ? Value::NonZero : Value::Zero;
    else if (V && Failed)
      S.Val[V] = Value::NonZero;
  }

  void ret(const clang::ReturnStmt *RS, PathState &S) {
    const clang::Expr *E = RS->getRetValue();
    if (!E || !S.Pending)
      return;
    Value V = constant(E);
    const clang::Expr *B = E->IgnoreParenCasts();
    if (V == Value::Unknown) {
      if (const clang::VarDecl *Var = localVar(B)) {
        auto It = S.Val.find(Var);
        V = It == S.Val.end() ? Value::Unknown : It->second;
      } else if (const auto *CE = llvm::dyn_cast<clang::CallExpr>(B)) {
        const clang::FunctionDecl *F = CE->getDirectCallee();
        if (F && F->getName() == "PTR_ERR")
          V = Value::NonZero;
      }
    }
    if (V != Value::NonZero)
      return;
    NoRollback N;
    N.Function = FD->getName().str();
    N.Return = X.loc(RS->getBeginLoc());
    for (unsigned I = 0; I < All.size(); ++I)
      if (S.Pending & (uint64_t(1) << I))
        N.Effects.push_back({All[I].What, All[I].Where});
    Found = N;
  }

  const clang::FunctionDecl *FD;
  ExtractContext &X;
  std::map<const clang::Stmt *, int> Sites;
  std::vector<Site> All;
  std::optional<NoRollback> Found;
  unsigned Budget = 20000;
};

class Extractor : public FactExtractor {
public:
  void onFunction(const clang::FunctionDecl *FD, ExtractContext &X) override {
    if (!FD->getReturnType()->isIntegerType())
      return;
    const KlpRecords &R = X.records();
    bool Callback = false;
    for (const clang::ParmVarDecl *P : FD->parameters())
      if (const auto *PT = P->getType()->getAs<clang::PointerType>())
        Callback |= R.is(recordOf(PT->getPointeeType()), R.Patch) ||
                    R.is(recordOf(PT->getPointeeType()), R.State);
    if (!Callback)
      return;
    if (std::optional<NoRollback> N = PathWalk(FD, X).run())
      Found.push_back(std::move(*N));
  }
  llvm::json::Value finish(ExtractContext &) override { return Found; }

private:
  Facts Found;
};

class CallbacksPrePatchNoRollbackCheck : public Check {
public:
  using Check::Check;
  std::unique_ptr<FactExtractor> extractor() const override {
    return std::make_unique<Extractor>();
  }
  void check(const ModuleModel &M, std::vector<Finding> &Out) const override {
    Generation G = M.generation();
    for (const TUFacts &TU : M.TUs)
      for (const NoRollback &N : own<Facts>(TU)) {
        const State *Owner = nullptr;
        for (const State *S : M.states())
          if (S->callback(Role::PrePatch).Function == N.Function) {
            Owner = S;
            break;
          }
        if (!Owner)
          continue; // not a pre_patch of this TU's states
        std::string What;
        for (size_t I = 0; I < N.Effects.size(); ++I)
          What += fmt::format("{}{} (line {})",
                              I == 0                       ? ""
                              : I + 1 == N.Effects.size() ? " and "
                                                          : ", ",
                              N.Effects[I].What, N.Effects[I].Where.Line);
        const char *Pre = roleName(Role::PrePatch, G);
        Finding F = finding(
            N.Return,
            fmt::format("state {}: {} callback '{}' returns an error here "
                        "without undoing {}; the core runs neither {} nor a "
                        "shadow free for a state whose {} failed, so what it "
                        "did stays done after the failed enable",
                        Owner->Id.describe(), Pre, N.Function, What,
                        roleName(Role::PostUnpatch, G), Pre));
        for (const Pending &P : N.Effects)
          F.Notes.push_back({P.Where, fmt::format("{} is here", P.What)});
        Out.push_back(std::move(F));
      }
  }
};

} // namespace

KLP_REGISTER_CHECK(CallbacksPrePatchNoRollbackCheck)

} // namespace klp::checks
