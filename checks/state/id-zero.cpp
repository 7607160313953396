// SPDX-License-Identifier: GPL-2.0-only
//===- id-zero.cpp - state-id-zero ----------------------------------------===//
//
// States whose id is 0 although they are not the terminating element of
// states[], where the core's walk of the array stops.
//
// klp_for_each_state() walks states[] up to the first element whose id is 0
// (docs/semantics.md#rule-state-id-zero): that element and every element
// after it are never seen, so they get no callbacks, no compatibility check
// and no shadow free. An element with id 0 is therefore only right as the
// last one, and only when it sets nothing else; one that sets callbacks or
// flags, or that more states follow, is a state the author meant to have.
// The facts are this check's own: the elements of every struct klp_state
// array initializer with id 0 (written, folded from a macro or an enum, or
// left out), with what follows them; states built by run-time assignments
// with id 0 come from the shared family. A literal or missing id gets a
// fix-it: a named constant, defined above the array, with an id no state or
// shadow call of the file uses.
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"
#include "extract/Context.h"
#include "extract/Extractor.h"

#include <clang/AST/Decl.h>
#include <clang/Lex/Lexer.h>
#include <clang/Lex/Preprocessor.h>
#include <fmt/format.h>

#include <cctype>
#include <map>
#include <set>

namespace klp::checks {

namespace {

/// An element with id 0 that is not a plain terminator.
struct ZeroElement {
  std::string Array; ///< the variable ("states"; a patch for a literal)
  unsigned Index = 0;
  IdValue Id;           ///< its id as written ("" when left out)
  bool IdWritten = false;
  Loc Where;            ///< the element's opening brace
  bool SetsSomething = false;
  std::vector<IdValue> After; ///< ids of the non-empty elements after it
  // The fix-it, when the id is a literal 0 or left out in a designated
  // initializer written in the file itself (no macro in between).
  bool Fixable = false;
  Loc IdAt;          ///< the literal to replace, or the brace to insert after
  unsigned IdLength = 0;
  Loc DeclAt;        ///< the array's declaration: the #define goes above it
  std::string Name;  ///< the constant's name
};

template <class M> void mapFields(M &&Map, ZeroElement &E) {
  Map("array", E.Array);
  Map("index", E.Index);
  Map("id", E.Id);
  Map("id_written", E.IdWritten);
  Map("where", E.Where);
  Map("sets_something", E.SetsSomething);
  Map("after", E.After);
  Map("fixable", E.Fixable);
  Map("id_at", E.IdAt);
  Map("id_length", E.IdLength);
  Map("decl_at", E.DeclAt);
  Map("name", E.Name);
}
KLP_JSON_MAPPED(ZeroElement)

using Facts = std::vector<ZeroElement>;

/// Does \p E initialise to all zeroes (0, NULL, false, { }, nothing)?
bool zeroInit(const clang::Expr *E, clang::ASTContext &Ctx) {
  if (!E)
    return true;
  E = E->IgnoreParenImpCasts();
  if (llvm::isa<clang::ImplicitValueInitExpr>(E))
    return true;
  if (const auto *ILE = llvm::dyn_cast<clang::InitListExpr>(E)) {
    ILE = semanticForm(ILE);
    for (const clang::Expr *Sub : ILE->inits())
      if (!zeroInit(Sub, Ctx))
        return false;
    return !ILE->hasArrayFiller() || zeroInit(ILE->getArrayFiller(), Ctx);
  }
  if (E->isValueDependent())
    return false;
  if (E->isNullPointerConstant(Ctx, clang::Expr::NPC_ValueDependentIsNotNull))
    return true;
  clang::Expr::EvalResult R;
  return E->EvaluateAsInt(R, Ctx) && R.Val.getInt().isZero();
}

class Extractor : public FactExtractor {
public:
  void onVar(const clang::VarDecl *VD, ExtractContext &X) override {
    const KlpRecords &R = X.records();
    const clang::Expr *Init = VD->getInit();
    if (!Init || !R.State)
      return;
    // states[] = { ... }, or a compound literal in a klp_patch initializer
    // (named by the patch, as the shared facts name it).
    if (const auto *AT = X.ast().getAsArrayType(VD->getType());
        AT && R.is(recordOf(AT->getElementType()), R.State)) {
      array(Init, VD->getName().str(), VD, X);
    } else if (R.is(recordOf(VD->getType()), R.Patch)) {
      if (const auto *ILE = llvm::dyn_cast<clang::InitListExpr>(
              Init->IgnoreParenImpCasts()))
        for (const clang::FieldDecl *F : R.Patch->fields())
          if (F->getName() == "states")
            if (const clang::Expr *E = fieldInit(semanticForm(ILE), F))
              if (const auto *CL = llvm::dyn_cast<clang::CompoundLiteralExpr>(
                      E->IgnoreParenCasts()))
                array(CL->getInitializer(), VD->getName().str(), VD, X);
    }
  }
  llvm::json::Value finish(ExtractContext &) override { return Found; }

private:
  void array(const clang::Expr *Init, const std::string &Name,
             const clang::VarDecl *VD, ExtractContext &X) {
    const auto *Syn =
        llvm::dyn_cast<clang::InitListExpr>(Init->IgnoreParenImpCasts());
    if (!Syn)
      return;
    const clang::InitListExpr *ILE = semanticForm(Syn);
    const clang::FieldDecl *IdField = nullptr;
    for (const clang::FieldDecl *F : X.records().State->fields())
      if (F->getName() == "id")
        IdField = F;
    if (!IdField)
      return;
    // Per element: its id's expression (null: left out) and whether it sets
    // anything else.
    struct Element {
      const clang::InitListExpr *Init;
      const clang::Expr *Id;
      bool Empty, Others;
    };
    std::vector<Element> Elements;
    for (const clang::Expr *E : ILE->inits()) {
      const auto *Rec =
          llvm::dyn_cast<clang::InitListExpr>(E->IgnoreParenImpCasts());
      if (!Rec)
        return; // an element copied from elsewhere: not judged
      Rec = semanticForm(Rec);
      bool Others = false;
      for (const clang::FieldDecl *F : X.records().State->fields())
        if (F != IdField && !zeroInit(fieldInit(Rec, F), X.ast()))
          Others = true;
      const clang::Expr *Id = fieldInit(Rec, IdField);
      Elements.push_back({Rec, Id, !Others && zeroInit(Id, X.ast()), Others});
    }
    for (unsigned I = 0; I < Elements.size(); ++I) {
      const Element &El = Elements[I];
      IdValue Id = El.Id ? X.foldId(El.Id) : IdValue{0, "", "", {}, "", 0};
      if (!Id.known() || *Id.Value != 0)
        continue;
      ZeroElement Z;
      Z.Array = Name;
      Z.Index = I;
      Z.Id = Id;
      Z.IdWritten = El.Id != nullptr;
      const clang::InitListExpr *Written = El.Init->getSyntacticForm()
                                               ? El.Init->getSyntacticForm()
                                               : El.Init;
      Z.Where = X.loc(Written->getLBraceLoc());
      Z.SetsSomething = El.Others;
      for (unsigned J = I + 1; J < Elements.size(); ++J)
        if (!Elements[J].Empty)
          Z.After.push_back(Elements[J].Id ? X.foldId(Elements[J].Id)
                                           : IdValue{0, "", "", {}, "", 0});
      if (!Z.SetsSomething && Z.After.empty())
        continue; // the terminator (or an empty element after it)
      if (Z.SetsSomething)
        fixIt(Z, El.Id, Written, VD, X);
      Found.push_back(std::move(Z));
    }
  }

  /// A named constant for a literal 0, or for an id left out of a
  /// designated initializer: only where the text is the file's own.
  void fixIt(ZeroElement &Z, const clang::Expr *Id,
             const clang::InitListExpr *Written, const clang::VarDecl *VD,
             ExtractContext &X) {
    clang::SourceManager &SM = X.sm();
    clang::SourceLocation At;
    if (Id) {
      const auto *Lit =
          llvm::dyn_cast<clang::IntegerLiteral>(Id->IgnoreParenImpCasts());
      if (!Lit || !Lit->getLocation().isFileID())
        return;
      At = Lit->getLocation();
      Z.IdLength = clang::Lexer::MeasureTokenLength(At, SM, X.ast().getLangOpts());
    } else {
      bool Designated = false;
      for (const clang::Expr *E : Written->inits())
        Designated |= llvm::isa<clang::DesignatedInitExpr>(E);
      if (!Designated && Written->getNumInits())
        return; // positional: the id is the first value, never left out
      At = Written->getLBraceLoc();
      if (!At.isFileID())
        return;
    }
    clang::SourceLocation Decl = VD->getBeginLoc();
    if (!Decl.isFileID() || SM.getFileID(Decl) != SM.getFileID(At))
      return;
    std::string Name;
    for (char C : Z.Array)
      Name += std::isalnum(static_cast<unsigned char>(C))
                  ? static_cast<char>(std::toupper(static_cast<unsigned char>(C)))
                  : '_';
    Name += fmt::format("_ID_{}", Z.Index);
    while (X.pp().isMacroDefined(Name) || !Names.insert(Name).second)
      Name += "_";
    Z.Fixable = true;
    Z.IdAt = X.loc(At);
    Z.DeclAt = X.loc(Decl);
    Z.Name = Name;
  }

  Facts Found;
  std::set<std::string> Names;
};

class StateIdZeroCheck : public Check {
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
      uint64_t NextId = freeId(TU);
      // The first fix-it of an array defines the constants of all its
      // elements: insertions at one place must be one replacement.
      std::map<std::string, size_t> FirstFix;
      for (const ZeroElement &Z : own<Facts>(TU)) {
        if (!Judged(Z.Array))
          continue;
        Out.push_back(initializer(Z));
        if (!Z.Fixable)
          continue;
        std::string Define = fmt::format("#define {} {}\n", Z.Name, NextId++);
        auto [It, New] = FirstFix.insert({Z.Array, Out.size() - 1});
        std::vector<FixIt> &Fixes = Out[It->second].Fixes;
        if (New) {
          Loc LineStart = Z.DeclAt;
          LineStart.Offset -= Z.DeclAt.Col - 1;
          LineStart.Col = 1;
          Fixes.insert(Fixes.begin(), FixIt{LineStart, 0, Define});
        } else {
          Fixes.front().Text += Define;
        }
      }
    }
    // Run-time states: the shared family keeps an id-0 slot only when it
    // sets callbacks or flags.
    for (const State *S : M.states())
      if (S->RunTime && S->Id.known() && *S->Id.Value == 0 &&
          !M.TUs[M.tuOf(S)].GeneratedPatch)
        Out.push_back(finding(
            S->Where,
            fmt::format("state of '{}' gets id {} at run time: the core's walk "
                        "of states[] stops at the first id 0, so this state "
                        "and every one after it get no callbacks, no "
                        "compatibility check and no shadow free",
                        S->Array, S->Id.describe())));
  }

private:
  /// One more than any id the file's states and shadow calls use.
  static uint64_t freeId(const TUFacts &TU) {
    uint64_t Max = 0;
    for (const State &S : TU.States)
      if (S.Id.known())
        Max = std::max(Max, *S.Id.Value);
    for (const ShadowCall &C : TU.ShadowCalls)
      if (C.Id.known())
        Max = std::max(Max, *C.Id.Value);
    return Max + 1;
  }

  Finding initializer(const ZeroElement &Z) const {
    std::string Id = Z.IdWritten ? Z.Id.describe() : "0 (no .id)";
    std::string Later;
    for (const IdValue &A : Z.After)
      Later += (Later.empty() ? "" : ", ") + A.describe();
    // The elements the walk never sees: this one when it sets something,
    // and the non-empty ones after it.
    size_t Lost = Z.After.size() + (Z.SetsSomething ? 1 : 0);
    std::string What =
        !Z.SetsSomething
            ? fmt::format("the {} after it ({})",
                          Z.After.size() == 1 ? std::string("element")
                                              : fmt::format("{} elements",
                                                            Z.After.size()),
                          Later)
        : Z.After.empty()
            ? std::string("this element")
            : fmt::format("this element and the {} after it ({})",
                          Z.After.size() == 1 ? std::string("one")
                                              : std::to_string(Z.After.size()),
                          Later);
    Finding F = finding(
        Z.Where,
        fmt::format("element {} of '{}' has state id {}{}: the core's walk of "
                    "states[] stops here, so {} get{} no callbacks, no "
                    "compatibility check and no shadow free",
                    Z.Index, Z.Array, Id,
                    Z.SetsSomething ? "" : " and sets nothing, but is not last",
                    What, Lost == 1 ? "s" : ""));
    if (Z.IdWritten && Z.Id.Def.valid() && !Z.Id.DefName.empty())
      F.Notes.push_back(
          {Z.Id.Def, fmt::format("'{}' is defined here", Z.Id.DefName)});
    if (Z.Fixable) {
      if (Z.IdWritten) {
        F.Fixes.push_back({Z.IdAt, Z.IdLength, Z.Name});
      } else {
        Loc After = Z.IdAt;
        ++After.Offset;
        ++After.Col;
        F.Fixes.push_back({After, 0, fmt::format(" .id = {},", Z.Name)});
      }
    }
    return F;
  }
};

} // namespace

KLP_REGISTER_CHECK(StateIdZeroCheck)

} // namespace klp::checks
