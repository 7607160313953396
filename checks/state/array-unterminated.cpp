// SPDX-License-Identifier: GPL-2.0-only
//===- array-unterminated.cpp - state-array-unterminated ------------------===//
//
// states[] arrays of a klp_patch whose last element is not the zero
// terminator, so that the core's walk reads past the end.
//
// klp_for_each_state() stops only at an element whose id is 0
// (docs/semantics.md#rule-state-array-unterminated). An array none of whose
// elements has id 0 is walked past its last element, into whatever lies
// behind it: the reference core, built with AddressSanitizer, reports the
// read. The facts are this check's own: per struct klp_state array (an
// initializer, a compound literal in a klp_patch initializer, or a fixed-size
// array filled at run time through constant indices), whether some element
// is known to have id 0, and how to append "{ }". An array with an element
// of id 0 before its end is state-id-zero's: the walk stops there. An id
// computed at run time might be 0: then nothing is reported.
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"
#include "extract/Context.h"
#include "extract/Extractor.h"

#include <clang/AST/Decl.h>
#include <clang/Lex/Lexer.h>
#include <fmt/format.h>

#include <map>
#include <set>

namespace klp::checks {

namespace {

struct StateArray {
  std::string Name; ///< the variable (a patch, for a compound literal)
  Loc Where;        ///< the array's declaration, or the compound literal
  bool Literal = false; ///< a compound literal in klp_patch \p Name
  unsigned Size = 0;
  /// Some element's id is known to be 0 (explicitly, folded, left out, or
  /// an element the initializer leaves to zero).
  bool HasZero = false;
  /// Some element's id is not a constant.
  bool Unknown = false;
  IdValue LastId; ///< the id of the last element
  /// While extracting: each element's id, from the initializer (an element
  /// it leaves out is zero) and from run-time assignments.
  std::vector<IdValue> Ids;
  // Appending the terminator: only to an initializer written in the file,
  // of an array whose size the initializer decides.
  bool Fixable = false;
  Loc InsertAt;
  std::string Insert;
};

template <class M> void mapFields(M &&Map, StateArray &A) {
  Map("name", A.Name);
  Map("where", A.Where);
  Map("literal", A.Literal);
  Map("size", A.Size);
  Map("has_zero", A.HasZero);
  Map("unknown", A.Unknown);
  Map("last_id", A.LastId);
  Map("fixable", A.Fixable);
  Map("insert_at", A.InsertAt);
  Map("insert", A.Insert);
}
KLP_JSON_MAPPED(StateArray)

using Facts = std::vector<StateArray>;

class Extractor : public FactExtractor {
public:
  void onVar(const clang::VarDecl *VD, ExtractContext &X) override {
    const KlpRecords &R = X.records();
    if (!R.State)
      return;
    const clang::Expr *Init = VD->getInit();
    if (const auto *AT = X.ast().getAsConstantArrayType(VD->getType());
        AT && R.is(recordOf(AT->getElementType()), R.State)) {
      StateArray A;
      A.Name = VD->getName().str();
      A.Size = AT->getSize().getZExtValue();
      A.Where = X.loc(VD->getLocation());
      // A fixed size written in the declaration: the initializer might
      // leave the last elements to zero, and "{ }" would not fit.
      bool WrittenSize = false;
      if (const clang::TypeSourceInfo *TSI = VD->getTypeSourceInfo())
        if (auto TL = TSI->getTypeLoc().getAs<clang::ConstantArrayTypeLoc>())
          WrittenSize = TL.getSizeExpr() != nullptr;
      // Static storage starts zeroed; run-time assignments may fill it.
      A.Ids.assign(A.Size, IdValue{0, "", "", {}, "", 0});
      if (Init)
        initializer(A, Init, !WrittenSize, X);
      Index[VD->getCanonicalDecl()] = Arrays.size();
      Arrays.push_back(std::move(A));
      return;
    }
    const auto *ILE = Init && R.is(recordOf(VD->getType()), R.Patch)
                          ? llvm::dyn_cast<clang::InitListExpr>(
                                Init->IgnoreParenImpCasts())
                          : nullptr;
    if (!ILE)
      return;
    for (const clang::FieldDecl *F : R.Patch->fields()) {
      const clang::Expr *E =
          F->getName() == "states" ? fieldInit(semanticForm(ILE), F) : nullptr;
      const auto *CL = E ? llvm::dyn_cast<clang::CompoundLiteralExpr>(
                               E->IgnoreParenCasts())
                         : nullptr;
      const auto *AT =
          CL ? X.ast().getAsConstantArrayType(CL->getType()) : nullptr;
      if (!AT)
        continue;
      StateArray A;
      A.Name = VD->getName().str();
      A.Literal = true;
      A.Size = AT->getSize().getZExtValue();
      A.Ids.assign(A.Size, IdValue{0, "", "", {}, "", 0});
      initializer(A, CL->getInitializer(), true, X);
      Arrays.push_back(std::move(A));
    }
  }

  /// states[i].id = <constant> at run time, for a constant i.
  void onAssign(const clang::BinaryOperator *BO, ExtractContext &X) override {
    if (BO->getOpcode() != clang::BO_Assign)
      return;
    std::vector<const clang::FieldDecl *> Path;
    const clang::Expr *Base = memberPath(BO->getLHS(), Path);
    if (Path.size() != 1 || Path[0]->getName() != "id" ||
        !X.records().is(Path[0]->getParent(), X.records().State))
      return;
    const auto *ASE = llvm::dyn_cast<clang::ArraySubscriptExpr>(Base);
    const clang::VarDecl *VD = baseVar(Base);
    if (!ASE || !VD)
      return;
    auto It = Index.find(VD->getCanonicalDecl());
    if (It == Index.end())
      return;
    StateArray &A = Arrays[It->second];
    clang::Expr::EvalResult I;
    if (!ASE->getIdx()->EvaluateAsInt(I, X.ast())) {
      A.Unknown = true; // a loop may write any element, the last one too
      return;
    }
    int64_t At = I.Val.getInt().getExtValue();
    if (At >= 0 && At < static_cast<int64_t>(A.Ids.size()))
      A.Ids[At] = X.foldId(BO->getRHS());
  }

  llvm::json::Value finish(ExtractContext &) override {
    for (StateArray &A : Arrays) {
      for (const IdValue &V : A.Ids) {
        A.Unknown |= !V.known();
        A.HasZero |= V.known() && *V.Value == 0;
      }
      if (!A.Ids.empty())
        A.LastId = A.Ids.back();
      A.Ids.clear(); // not stored: the verdict is all the check needs
    }
    return Arrays;
  }

private:
  void initializer(StateArray &A, const clang::Expr *Init, bool SizeFromInit,
                   ExtractContext &X) {
    const auto *Syn =
        llvm::dyn_cast<clang::InitListExpr>(Init->IgnoreParenImpCasts());
    if (!Syn) {
      A.Unknown = true;
      return;
    }
    if (Syn->getSyntacticForm())
      Syn = Syn->getSyntacticForm();
    const clang::InitListExpr *ILE = semanticForm(Syn);
    if (!A.Where.valid())
      A.Where = X.loc(Syn->getLBraceLoc()); // a compound literal
    const clang::FieldDecl *IdField = nullptr;
    for (const clang::FieldDecl *F : X.records().State->fields())
      if (F->getName() == "id")
        IdField = F;
    for (unsigned I = 0; I < ILE->getNumInits() && I < A.Ids.size(); ++I) {
      const auto *Rec = llvm::dyn_cast<clang::InitListExpr>(
          ILE->getInit(I)->IgnoreParenImpCasts());
      const clang::Expr *Id =
          Rec && IdField ? fieldInit(semanticForm(Rec), IdField) : nullptr;
      if (!Rec)
        A.Ids[I] = IdValue{}; // copied from elsewhere: not known
      else if (Id)
        A.Ids[I] = X.foldId(Id);
    }
    if (SizeFromInit && Syn->getNumInits())
      appendFix(A, Syn, X);
  }

  /// "{ }" after the last element: on a line of its own, indented like the
  /// last element, when the list ends with a comma and its brace opens a
  /// line; otherwise right after the last element.
  void appendFix(StateArray &A, const clang::InitListExpr *Syn,
                 ExtractContext &X) {
    clang::SourceManager &SM = X.sm();
    const clang::LangOptions &LO = X.ast().getLangOpts();
    const clang::Expr *Last = Syn->getInit(Syn->getNumInits() - 1);
    // A last element written by a macro ends where the macro's use ends.
    clang::SourceLocation LastBegin = SM.getExpansionLoc(Last->getBeginLoc()),
                          LastEnd =
                              SM.getExpansionRange(Last->getEndLoc()).getEnd(),
                          RBrace = Syn->getRBraceLoc();
    if (!LastBegin.isFileID() || !LastEnd.isFileID() || !RBrace.isFileID() ||
        SM.getFileID(LastEnd) != SM.getFileID(RBrace))
      return;
    clang::SourceLocation AfterLast =
        clang::Lexer::getLocForEndOfToken(LastEnd, 0, SM, LO);
    llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(RBrace));
    unsigned From = SM.getFileOffset(AfterLast), To = SM.getFileOffset(RBrace);
    if (From > To)
      return;
    llvm::StringRef Between = Buffer.slice(From, To);
    if (!Between.contains(',')) {
      A.InsertAt = X.loc(AfterLast);
      A.Insert = ", { }";
    } else {
      unsigned LineStart = To;
      while (LineStart > 0 && (Buffer[LineStart - 1] == ' ' ||
                               Buffer[LineStart - 1] == '\t'))
        --LineStart;
      if (LineStart > 0 && Buffer[LineStart - 1] == '\n') {
        unsigned Begin = SM.getFileOffset(LastBegin), Indent = Begin;
        while (Indent > 0 && Buffer[Indent - 1] != '\n')
          --Indent;
        llvm::StringRef Lead = Buffer.slice(Indent, Begin);
        if (Lead.find_first_not_of(" \t") != llvm::StringRef::npos)
          Lead = "\t";
        A.InsertAt = X.loc(RBrace.getLocWithOffset(
            static_cast<int>(LineStart) - static_cast<int>(To)));
        A.Insert = (Lead + "{ }\n").str();
      } else {
        A.InsertAt = X.loc(RBrace);
        A.Insert = "{ } ";
      }
    }
    A.Fixable = true;
  }

  Facts Arrays;
  std::map<const clang::Decl *, size_t> Index;
};

class StateArrayUnterminatedCheck : public Check {
public:
  using Check::Check;
  std::unique_ptr<FactExtractor> extractor() const override {
    return std::make_unique<Extractor>();
  }

  void check(const ModuleModel &M, std::vector<Finding> &Out) const override {
    for (const TUFacts &TU : M.TUs) {
      if (TU.GeneratedPatch)
        continue; // its states never reach a klp_patch
      JudgedStateArrays Judged(TU);
      for (const StateArray &A : own<Facts>(TU)) {
        if (!Judged(A.Name) || A.HasZero ||
            A.Unknown || A.Size == 0)
          continue;
        Finding F = finding(
            A.Where,
            fmt::format("{} has no element with id 0 to end it: the core "
                        "walks states[] until it finds one, so after the "
                        "last element (index {}, state id {}) it reads past "
                        "the end of the array",
                        A.Literal ? fmt::format("the states[] of '{}'", A.Name)
                                  : fmt::format("states[] array '{}'", A.Name),
                        A.Size - 1, A.LastId.describe()));
        if (A.Fixable)
          F.Fixes.push_back(
              {A.InsertAt, 0, A.Insert});
        Out.push_back(std::move(F));
      }
    }
  }
};

} // namespace

KLP_REGISTER_CHECK(StateArrayUnterminatedCheck)

} // namespace klp::checks
