// SPDX-License-Identifier: GPL-2.0-only
//===- array-unterminated.cpp - patch-array-unterminated ------------------===//
//
// objs[] and funcs[] arrays of a patch without their terminating zero entry,
// past which the core's walk reads.
//
// The core has no count for either array: klp_for_each_object_static() walks
// a patch's objs[] up to the first element whose name and funcs are both
// NULL, klp_for_each_func_static() an object's funcs[] up to the first whose
// old_name, new_func and old_sympos are all zero (docs/semantics.md#generation-a
// ). Without that element the walk goes on into whatever
// follows the array: AddressSanitizer reports the read in the reference
// core, the kernel reads neighbouring data as objects and functions
// (docs/semantics.md#rule-patch-array-unterminated). The facts are this
// check's own: every array a klp_patch's objs or a klp_object's funcs
// refers to (initializer, compound literal or assignment), with whether its
// last element is zero. An array whose declared size leaves room after the
// written elements ends in zero elements; one filled at run time, or whose
// last element is not a constant, is not judged (cannot decide is silence).
// For an array of unspecified size the fix-it appends the terminator.
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"
#include "extract/Context.h"
#include "extract/Extractor.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/TypeLoc.h>
#include <clang/Lex/Lexer.h>
#include <fmt/format.h>

#include <set>

namespace klp::checks {

namespace {

struct Unterminated {
  std::string Array;  ///< "funcs", or "(compound literal)"
  bool Objects = false; ///< objs[] (else funcs[])
  std::string Owner;  ///< the patch or object variable that refers to it
  unsigned Elements = 0;
  Loc Where;          ///< the last element
  Loc ArrayLoc;       ///< the array's definition
  /// Where the terminator goes (after the last element), for the fix-it;
  /// invalid when the array's size is written out.
  Loc InsertAt;
};

template <class M> void mapFields(M &&Map, Unterminated &U) {
  Map("array", U.Array);
  Map("objects", U.Objects);
  Map("owner", U.Owner);
  Map("elements", U.Elements);
  Map("where", U.Where);
  Map("array_loc", U.ArrayLoc);
  Map("insert_at", U.InsertAt);
}
KLP_JSON_MAPPED(Unterminated)

using Facts = std::vector<Unterminated>;

/// Is \p E, a member's initializer, zero (null)? Empty when not a constant.
std::optional<bool> isZero(const clang::Expr *E, clang::ASTContext &Ctx) {
  if (!E)
    return true; // not written: zero-initialised
  if (E->isValueDependent())
    return std::nullopt;
  if (E->isNullPointerConstant(Ctx, clang::Expr::NPC_ValueDependentIsNull))
    return true;
  bool V = false;
  if (E->EvaluateAsBooleanCondition(V, Ctx))
    return !V;
  // A string literal or a function's address is not null, though it is
  // not a constant the evaluator folds to a boolean here.
  const clang::Expr *Bare = E->IgnoreParenCasts();
  if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(Bare))
    if (UO->getOpcode() == clang::UO_AddrOf)
      Bare = UO->getSubExpr()->IgnoreParenCasts();
  if (llvm::isa<clang::StringLiteral>(Bare))
    return false;
  if (const auto *DRE = llvm::dyn_cast<clang::DeclRefExpr>(Bare))
    if (llvm::isa<clang::FunctionDecl>(DRE->getDecl()) ||
        (llvm::isa<clang::VarDecl>(DRE->getDecl()) &&
         llvm::cast<clang::VarDecl>(DRE->getDecl())->hasGlobalStorage()))
      return false;
  return std::nullopt;
}

class Extractor : public FactExtractor {
public:
  void onVar(const clang::VarDecl *VD, ExtractContext &X) override {
    const KlpRecords &R = X.records();
    if (const clang::Expr *Init = VD->getInit())
      X.forEachRecordInit(Init, [&](const clang::InitListExpr *ILE,
                                    const clang::RecordDecl *RD,
                                    std::optional<int64_t> Index) {
        bool Patch = R.is(RD, R.Patch), Object = R.is(RD, R.Object);
        if (!Patch && !Object)
          return;
        for (const clang::FieldDecl *F : RD->fields())
          if (F->getName() == (Patch ? "objs" : "funcs"))
            if (const clang::Expr *E = fieldInit(ILE, F))
              refer(E, Patch,
                    VD->getName().str() +
                        (Index ? fmt::format("[{}]", *Index) : std::string()),
                    X);
      });
  }

  void onAssign(const clang::BinaryOperator *BO, ExtractContext &X) override {
    // patch.objs = objs; obj->funcs = funcs;
    if (BO->getOpcode() != clang::BO_Assign)
      return;
    const KlpRecords &R = X.records();
    std::vector<const clang::FieldDecl *> Path;
    const clang::Expr *Base = memberPath(BO->getLHS(), Path);
    if (Path.empty())
      return;
    const clang::FieldDecl *Last = Path.back();
    bool Patch = R.is(Last->getParent(), R.Patch) && Last->getName() == "objs";
    bool Object = R.is(Last->getParent(), R.Object) && Last->getName() == "funcs";
    if (!Patch && !Object)
      return;
    const clang::VarDecl *Owner = baseVar(Base);
    refer(BO->getRHS(), Patch, Owner ? Owner->getName().str() : "", X);
  }

  llvm::json::Value finish(ExtractContext &) override { return Found; }

private:
  /// The array \p E names: "objs", "&objs[0]", "(struct klp_object[]){…}".
  void refer(const clang::Expr *E, bool Objects, const std::string &Owner,
             ExtractContext &X) {
    E = E->IgnoreParenCasts();
    if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(E))
      if (UO->getOpcode() == clang::UO_AddrOf) {
        const clang::Expr *Sub = UO->getSubExpr()->IgnoreParenImpCasts();
        const auto *ASE = llvm::dyn_cast<clang::ArraySubscriptExpr>(Sub);
        clang::Expr::EvalResult Idx;
        // &objs[0] is the array; &objs[1] starts inside it.
        if (!ASE || !ASE->getIdx()->EvaluateAsInt(Idx, X.ast()) ||
            Idx.Val.getInt() != 0)
          return;
        E = ASE->getBase()->IgnoreParenCasts();
      }
    if (const auto *CL = llvm::dyn_cast<clang::CompoundLiteralExpr>(E)) {
      judge(CL->getInitializer(), CL->getType(), unsized(CL->getTypeSourceInfo()),
            Objects, "(compound literal)", Owner, Loc(), X);
      return;
    }
    const auto *DRE = llvm::dyn_cast<clang::DeclRefExpr>(E);
    const auto *VD = DRE ? llvm::dyn_cast<clang::VarDecl>(DRE->getDecl()) : nullptr;
    if (!VD)
      return;
    const clang::VarDecl *Def = VD->getDefinition();
    if (!Def || !X.isOwn(Def->getLocation()) || !Def->getInit() ||
        !Seen.insert(Def->getCanonicalDecl()).second)
      return;
    judge(Def->getInit(), Def->getType(), unsized(Def->getTypeSourceInfo()),
          Objects, Def->getName().str(), Owner, X.loc(Def->getLocation()), X);
  }

  void judge(const clang::Expr *Init, clang::QualType T, bool Unsized,
             bool Objects,
             const std::string &Array, const std::string &Owner,
             const Loc &ArrayLoc, ExtractContext &X) {
    const auto *Syn = llvm::dyn_cast<clang::InitListExpr>(Init->IgnoreParenImpCasts());
    const auto *AT = X.ast().getAsConstantArrayType(T);
    if (!Syn || !AT)
      return;
    const clang::InitListExpr *ILE = semanticForm(Syn);
    unsigned N = ILE->getNumInits();
    // Room left after the written elements: zero elements follow.
    if (N == 0 || AT->getSize().ugt(N) || ILE->hasArrayFiller())
      return;
    const auto *Last =
        llvm::dyn_cast<clang::InitListExpr>(ILE->getInit(N - 1)->IgnoreParenImpCasts());
    if (!Last)
      return; // an element copied from elsewhere: not known here
    Last = semanticForm(Last);
    const KlpRecords &R = X.records();
    const clang::RecordDecl *RD = Objects ? R.Object : R.Func;
    if (!RD || !X.records().is(recordOf(Last->getType()), RD))
      return;
    static const char *const ObjKeys[] = {"name", "funcs"};
    static const char *const FuncKeys[] = {"old_name", "new_func", "old_sympos"};
    bool AllZero = true;
    for (const clang::FieldDecl *F : RD->fields()) {
      bool Key = false;
      for (const char *K : Objects ? llvm::ArrayRef<const char *>(ObjKeys)
                                   : llvm::ArrayRef<const char *>(FuncKeys))
        Key |= F->getName() == K;
      if (!Key)
        continue;
      std::optional<bool> Z = isZero(fieldInit(Last, F), X.ast());
      if (!Z)
        return; // cannot decide
      AllZero &= *Z;
    }
    if (AllZero)
      return;
    Unterminated U;
    U.Array = Array;
    U.Objects = Objects;
    U.Owner = Owner;
    U.Elements = N;
    const clang::InitListExpr *LastSyn =
        Last->getSyntacticForm() ? Last->getSyntacticForm() : Last;
    U.Where = X.loc(LastSyn->getBeginLoc());
    U.ArrayLoc = ArrayLoc;
    // "T a[] = { …, {…} }": the terminator goes after the last element's
    // closing brace, when that is written in the file itself.
    clang::SourceLocation End = LastSyn->getEndLoc();
    if (Unsized && End.isFileID()) {
      clang::SourceLocation After = clang::Lexer::getLocForEndOfToken(
          End, 0, X.sm(), X.ast().getLangOpts());
      U.InsertAt = X.loc(After);
    }
    Found.push_back(U);
  }

  /// Was the array written "name[]", its size taken from the initializer?
  static bool unsized(const clang::TypeSourceInfo *TSI) {
    if (!TSI)
      return false;
    auto ATL = TSI->getTypeLoc().getAsAdjusted<clang::ArrayTypeLoc>();
    return ATL && !ATL.getSizeExpr();
  }

  Facts Found;
  std::set<const clang::VarDecl *> Seen;
};

class PatchArrayUnterminatedCheck : public Check {
public:
  using Check::Check;
  std::unique_ptr<FactExtractor> extractor() const override {
    return std::make_unique<Extractor>();
  }
  void check(const ModuleModel &M, std::vector<Finding> &Out) const override {
    for (const TUFacts &TU : M.TUs)
      for (const Unterminated &U : own<Facts>(TU)) {
        const char *Walk = U.Objects
                               ? "the core walks objs[] up to an element whose "
                                 "name and funcs are both NULL"
                               : "the core walks funcs[] up to an element "
                                 "whose old_name, new_func and old_sympos are "
                                 "all zero";
        std::string Of =
            U.Owner.empty() ? "" : fmt::format(" of {} '{}'",
                                               U.Objects ? "patch" : "object",
                                               U.Owner);
        Finding F = finding(
            U.Where,
            fmt::format("{}[] '{}'{} has no terminating element: its last "
                        "element (index {}) is not zero, and {}, so it reads "
                        "past the end of the array; add an empty element "
                        "'{{ }}' at the end",
                        U.Objects ? "objs" : "funcs", U.Array, Of,
                        U.Elements - 1, Walk));
        if (U.ArrayLoc.valid() && U.ArrayLoc.Line != U.Where.Line)
          F.Notes.push_back({U.ArrayLoc, "the array is defined here"});
        if (U.InsertAt.valid())
          F.Fixes.push_back({U.InsertAt, 0, ", { }"});
        Out.push_back(std::move(F));
      }
  }
};

} // namespace

KLP_REGISTER_CHECK(PatchArrayUnterminatedCheck)

} // namespace klp::checks
