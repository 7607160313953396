// SPDX-License-Identifier: GPL-2.0-only
//===- blocking-tail-call.cpp - patch-blocking-tail-call ------------------===//
//
// Patch targets and blocker functions of test modules whose body ends in a
// call that may become a sibling call, so the blocking frame leaves the
// stack (opt-in).
//
// A transition waits for every task that has a function it changes on its
// stack (docs/semantics.md#transition). A test that wants a "blocked
// transition" parks a task inside the patched function; if that function
// ends in a call the compiler turns into a sibling call (a jump), its frame
// is gone while the task waits in the callee, and the transition completes
// instead of blocking (docs/semantics.md#rule-patch-blocking-tail-call;
// the v1 series marks such functions
// __attribute__((__optimize__("no-optimize-sibling-calls")))). Flagged: a
// function defined here that a klp_func's old_name names, or that the
// BlockerFunctions option lists, whose last statement is "return g(...);"
// or, in a void function, "g(...);", when nothing keeps the call a call:
// that attribute (also through a macro), clang's disable_tail_calls, an
// optimize("O0"), -fno-optimize-sibling-calls for the file, a local whose
// address is taken (its frame must stay), or a callee that does not
// return. Opt-in (for test modules): not in the default set of checks.
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"
#include "extract/Context.h"
#include "extract/Extractor.h"

#include <clang/AST/Attr.h>
#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/AST/Stmt.h>
#include <clang/Lex/Lexer.h>
#include <clang/Lex/Preprocessor.h>
#include <fmt/format.h>

#include <algorithm>

namespace klp::checks {

namespace {

struct TailCall {
  std::string Function;
  std::string Callee; ///< "" for a call through a pointer
  Loc Where;          ///< the call
  Loc FnLoc;
  bool Kept = false;  ///< something keeps it a call
};

template <class M> void mapFields(M &&Map, TailCall &T) {
  Map("function", T.Function);
  Map("callee", T.Callee);
  Map("where", T.Where);
  Map("fn_loc", T.FnLoc);
  Map("kept", T.Kept);
}
KLP_JSON_MAPPED(TailCall)

struct Facts {
  std::vector<TailCall> Calls;
  std::vector<std::string> Targets; ///< klp_func old_names
  bool NoSiblingCalls = false;      ///< -fno-optimize-sibling-calls
};

template <class M> void mapFields(M &&Map, Facts &F) {
  Map("calls", F.Calls);
  Map("targets", F.Targets);
  Map("no_sibling_calls", F.NoSiblingCalls);
}
KLP_JSON_MAPPED(Facts)

/// Does the body take the address of one of the function's own locals?
class AddressTaken : public clang::RecursiveASTVisitor<AddressTaken> {
public:
  bool Found = false;
  bool VisitUnaryOperator(clang::UnaryOperator *UO) {
    if (UO->getOpcode() == clang::UO_AddrOf && isLocal(UO->getSubExpr()))
      Found = true;
    return !Found;
  }
  bool VisitImplicitCastExpr(clang::ImplicitCastExpr *IC) {
    // A local array decays to its address.
    if (IC->getCastKind() == clang::CK_ArrayToPointerDecay &&
        isLocal(IC->getSubExpr()))
      Found = true;
    return !Found;
  }

private:
  static bool isLocal(const clang::Expr *E) {
    E = E->IgnoreParens();
    while (const auto *ME = llvm::dyn_cast<clang::MemberExpr>(E)) {
      if (ME->isArrow())
        return false;
      E = ME->getBase()->IgnoreParens();
    }
    while (const auto *ASE = llvm::dyn_cast<clang::ArraySubscriptExpr>(E))
      E = ASE->getBase()->IgnoreParenImpCasts();
    const auto *DRE = llvm::dyn_cast<clang::DeclRefExpr>(E);
    const auto *VD = DRE ? llvm::dyn_cast<clang::VarDecl>(DRE->getDecl()) : nullptr;
    return VD && VD->hasLocalStorage();
  }
};

class Extractor : public FactExtractor {
public:
  void onVar(const clang::VarDecl *VD, ExtractContext &X) override {
    const clang::Expr *Init = VD->getInit();
    if (!Init)
      return;
    const KlpRecords &R = X.records();
    X.forEachRecordInit(Init, [&](const clang::InitListExpr *ILE,
                                  const clang::RecordDecl *RD,
                                  std::optional<int64_t>) {
      if (!R.is(RD, R.Func))
        return;
      for (const clang::FieldDecl *F : RD->fields())
        if (F->getName() == "old_name")
          if (const clang::Expr *E = fieldInit(ILE, F))
            if (const auto *SL = llvm::dyn_cast<clang::StringLiteral>(
                    E->IgnoreParenImpCasts()))
              Found.Targets.push_back(SL->getString().str());
    });
  }

  void onFunction(const clang::FunctionDecl *FD, ExtractContext &X) override {
    const auto *Body = llvm::dyn_cast_or_null<clang::CompoundStmt>(FD->getBody());
    if (!Body || Body->body_empty())
      return;
    const clang::Stmt *Last = nullptr;
    for (const clang::Stmt *S : Body->body())
      if (!llvm::isa<clang::NullStmt>(S))
        Last = S;
    const clang::CallExpr *CE = nullptr;
    if (const auto *RS = llvm::dyn_cast_or_null<clang::ReturnStmt>(Last)) {
      if (RS->getRetValue())
        CE = llvm::dyn_cast<clang::CallExpr>(RS->getRetValue()->IgnoreParenImpCasts());
    } else if (const auto *E = llvm::dyn_cast_or_null<clang::Expr>(Last);
               E && FD->getReturnType()->isVoidType()) {
      CE = llvm::dyn_cast<clang::CallExpr>(E->IgnoreParenCasts());
    }
    if (!CE || CE->getBuiltinCallee())
      return;
    const clang::FunctionDecl *Callee = CE->getDirectCallee();
    if (Callee && Callee->isNoReturn())
      return; // a call that never returns is no frame anyone waits in
    TailCall T;
    T.Function = FD->getName().str();
    T.Callee = Callee ? Callee->getName().str() : "";
    T.Where = X.loc(CE->getBeginLoc());
    T.FnLoc = X.loc(FD->getLocation());
    AddressTaken A;
    A.TraverseStmt(const_cast<clang::CompoundStmt *>(Body));
    T.Kept = A.Found || FD->hasAttr<clang::DisableTailCallsAttr>() ||
             keepsCalls(FD, Body->getLBracLoc(), X);
    Found.Calls.push_back(T);
  }

  llvm::json::Value finish(ExtractContext &X) override {
    Found.NoSiblingCalls = X.compiler().getCodeGenOpts().DisableTailCalls;
    return toJSON(Found);
  }

private:
  /// gcc's optimize attribute is unknown to clang, which drops it: look for
  /// it in the text before the body, through macros.
  static bool keepsCalls(const clang::FunctionDecl *FD, clang::SourceLocation Brace,
                         ExtractContext &X) {
    clang::SourceManager &SM = X.sm();
    clang::SourceLocation Begin = SM.getExpansionLoc(FD->getBeginLoc());
    Brace = SM.getExpansionLoc(Brace);
    if (SM.getFileID(Begin) != SM.getFileID(Brace))
      return false;
    // Back to the end of the previous declaration: attributes written
    // before "static" are not inside the declaration's range.
    llvm::StringRef Buf = SM.getBufferData(SM.getFileID(Begin));
    unsigned From = SM.getFileOffset(Begin), To = SM.getFileOffset(Brace);
    while (From > 0 && Buf[From - 1] != ';' && Buf[From - 1] != '}' &&
           To - From < 2048)
      --From;
    std::string Text = Buf.substr(From, To - From).str();
    std::string Expanded = expand(Text, X, 0);
    auto Has = [&](const char *S) { return Expanded.find(S) != std::string::npos; };
    return Has("optimize") && (Has("no-optimize-sibling-calls") || Has("\"O0\"") ||
                               Has("\"-O0\""));
  }

  /// \p Text with the definitions of the macros it names appended.
  static std::string expand(const std::string &Text, ExtractContext &X,
                            unsigned Depth) {
    std::string Out = Text;
    if (Depth > 4)
      return Out;
    for (size_t I = 0; I < Text.size();) {
      if (!(isalpha(static_cast<unsigned char>(Text[I])) || Text[I] == '_')) {
        ++I;
        continue;
      }
      size_t J = I;
      while (J < Text.size() &&
             (isalnum(static_cast<unsigned char>(Text[J])) || Text[J] == '_'))
        ++J;
      std::string Word = Text.substr(I, J - I);
      I = J;
      clang::IdentifierInfo *II = X.pp().getIdentifierInfo(Word);
      const clang::MacroInfo *MI = II ? X.pp().getMacroInfo(II) : nullptr;
      if (!MI)
        continue;
      std::string Def;
      for (const clang::Token &T : MI->tokens())
        Def += " " + X.pp().getSpelling(T);
      Out += expand(Def, X, Depth + 1);
    }
    return Out;
  }

  Facts Found;
};

class PatchBlockingTailCallCheck : public Check {
public:
  PatchBlockingTailCallCheck(const CheckInfo &Info, const CheckOptions &Options,
                             const CheckContext &Context)
      : Check(Info, Options, Context),
        Blockers(Options.getList(Info.Name, "BlockerFunctions", {})) {}

  std::vector<std::string> optionNames() const override {
    return {"BlockerFunctions"};
  }

  std::unique_ptr<FactExtractor> extractor() const override {
    return std::make_unique<Extractor>();
  }

  void check(const ModuleModel &M, std::vector<Finding> &Out) const override {
    for (const TUFacts &TU : M.TUs) {
      Facts F = own<Facts>(TU);
      if (F.NoSiblingCalls)
        continue;
      auto Listed = [](const std::vector<std::string> &L, const std::string &N) {
        return std::find(L.begin(), L.end(), N) != L.end();
      };
      for (const TailCall &T : F.Calls) {
        bool Target = Listed(F.Targets, T.Function);
        if (T.Kept || (!Target && !Listed(Blockers, T.Function)))
          continue;
        std::string Call = T.Callee.empty() ? std::string("a call through a pointer")
                                            : fmt::format("a call of '{}'", T.Callee);
        Out.push_back(finding(
            T.Where,
            fmt::format("'{}' ({}) ends in {} that the compiler may make a "
                        "sibling call: while a task waits there, '{}' is not "
                        "on its stack, and a transition meant to block on it "
                        "completes; mark '{}' "
                        "__attribute__((__optimize__(\"no-optimize-sibling-"
                        "calls\")))",
                        T.Function,
                        Target ? "a patch target: a klp_func's old_name"
                               : "a blocker function",
                        Call, T.Function, T.Function)));
      }
    }
  }

private:
  const std::vector<std::string> Blockers;
};

} // namespace

KLP_REGISTER_CHECK(PatchBlockingTailCallCheck)

} // namespace klp::checks
