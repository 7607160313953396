// SPDX-License-Identifier: GPL-2.0-only
//===- Context.cpp - What every fact extractor may ask --------------------===//

#include "extract/Context.h"
#include "support/Paths.h"

#include <clang/AST/Decl.h>
#include <clang/Lex/Lexer.h>
#include <clang/Lex/Preprocessor.h>
#include <llvm/ADT/StringSwitch.h>
#include <llvm/Support/Path.h>

using namespace clang;

namespace klp {

const RecordDecl *recordOf(QualType T) {
  if (const RecordType *RT = T->getAsStructureType())
    return RT->getDecl();
  return nullptr;
}

bool hasField(const RecordDecl *RD, llvm::StringRef Name) {
  if (!RD)
    return false;
  for (const FieldDecl *F : RD->fields())
    if (F->getName() == Name)
      return true;
  return false;
}

namespace {

/// The definition of struct \p Name, by name lookup in the translation unit
/// (which also finds it in a preamble PCH without loading everything else).
const RecordDecl *findRecord(ASTContext &Ctx, llvm::StringRef Name) {
  IdentifierInfo *II = &Ctx.Idents.get(Name);
  for (NamedDecl *D : Ctx.getTranslationUnitDecl()->lookup(II))
    if (const auto *RD = dyn_cast<RecordDecl>(D))
      if (const RecordDecl *Def = RD->getDefinition())
        return Def;
  return nullptr;
}

/// docs/semantics.md, "Recognising the generation": decided from the
/// declarations in use, never from the kernel version.
Generation detectGeneration(const KlpRecords &R) {
  if (hasField(R.Patch, "replace_set"))
    return Generation::ReplaceSetRFC;
  if (hasField(R.StateCallbacks, "pre_patch"))
    return Generation::C;
  if (hasField(R.StateCallbacks, "setup"))
    return Generation::B;
  if (hasField(R.Object, "callbacks") || hasField(R.State, "version") ||
      hasField(R.State, "data"))
    return Generation::A;
  return R.Patch ? Generation::C : Generation::Unknown;
}

} // namespace

ExtractContext::ExtractContext(CompilerInstance &CI, unsigned TUIndex)
    : CI(CI), TUIndex(TUIndex) {}

void ExtractContext::begin(ASTContext &C) {
  Ctx = &C;
  if (auto Main = sm().getFileEntryRefForID(sm().getMainFileID())) {
    llvm::StringRef Real = Main->getFileEntry().tryGetRealPathName();
    MainDir =
        llvm::sys::path::parent_path(Real.empty() ? Main->getName() : Real).str();
  }
  Records.Object = findRecord(C, "klp_object");
  Records.Callbacks = findRecord(C, "klp_callbacks");
  Records.State = findRecord(C, "klp_state");
  Records.StateCallbacks = findRecord(C, "klp_state_callbacks");
  Records.Patch = findRecord(C, "klp_patch");
  Records.Func = findRecord(C, "klp_func");
  Gen = detectGeneration(Records);
}

bool ExtractContext::isOwn(SourceLocation L) {
  if (L.isInvalid())
    return false;
  L = sm().getExpansionLoc(L);
  FileID F = sm().getFileID(L);
  auto It = OwnCache.find(F);
  if (It != OwnCache.end())
    return It->second;
  if (MainDir.empty())
    if (auto Main = sm().getFileEntryRefForID(sm().getMainFileID())) {
      llvm::StringRef Real = Main->getFileEntry().tryGetRealPathName();
      MainDir = llvm::sys::path::parent_path(Real.empty() ? Main->getName()
                                                          : Real)
                    .str();
    }
  bool Own = false;
  if (F == sm().getMainFileID()) {
    Own = true;
  } else if (auto FE = sm().getFileEntryRefForID(F)) {
    llvm::StringRef Real = FE->getFileEntry().tryGetRealPathName();
    llvm::StringRef Name = Real.empty() ? FE->getName() : Real;
    Own = Name.ends_with(".c") ||
          (!MainDir.empty() && Name.starts_with(MainDir + "/"));
  }
  OwnCache[F] = Own;
  return Own;
}

Loc ExtractContext::loc(SourceLocation L) {
  Loc R;
  if (L.isInvalid())
    return R;
  L = sm().getExpansionLoc(L);
  PresumedLoc P = sm().getPresumedLoc(L);
  if (P.isInvalid())
    return R;
  llvm::StringRef Name = P.getFilename();
  if (!llvm::sys::path::is_absolute(Name) && !Name.starts_with("<")) {
    llvm::SmallString<256> Path(Name);
    sm().getFileManager().makeAbsolutePath(Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    R.File = std::string(Path);
  } else {
    R.File = Name.str();
  }
  R.Line = P.getLine();
  R.Col = P.getColumn();
  R.TU = TUIndex;
  R.Raw = L.getRawEncoding();
  R.Offset = sm().getFileOffset(L);
  return R;
}

std::string ExtractContext::sourceText(const Expr *E) {
  CharSourceRange Range = sm().getExpansionRange(E->getSourceRange());
  return Lexer::getSourceText(Range, sm(), ast().getLangOpts()).str();
}

void ExtractContext::addCall(const CallExpr *CE) {
  if (const FunctionDecl *Callee = CE->getDirectCallee())
    Calls[Callee->getCanonicalDecl()].push_back({CE, CurFn});
}

const std::vector<ExtractContext::CallSiteRef> &
ExtractContext::callsTo(const FunctionDecl *Callee) const {
  static const std::vector<CallSiteRef> None;
  auto It = Calls.find(Callee->getCanonicalDecl());
  return It == Calls.end() ? None : It->second;
}

bool definedInOwnFiles(const FunctionDecl *FD, ExtractContext &X) {
  const FunctionDecl *Def = nullptr;
  return FD->hasBody(Def) && X.isOwn(Def->getLocation());
}

std::optional<ShadowApi> coreShadowApi(const FunctionDecl *FD,
                                       ExtractContext &X) {
  auto Api = llvm::StringSwitch<std::optional<ShadowApi>>(FD->getName())
                 .Case("klp_shadow_get", ShadowApi::Get)
                 .Case("klp_shadow_alloc", ShadowApi::Alloc)
                 .Case("klp_shadow_get_or_alloc", ShadowApi::GetOrAlloc)
                 .Case("klp_shadow_free", ShadowApi::Free)
                 .Case("klp_shadow_free_all", ShadowApi::FreeAll)
                 .Default(std::nullopt);
  if (!Api)
    return std::nullopt;
  static const unsigned Arity[] = {2, 6, 6, 3, 2};
  if (FD->getNumParams() != Arity[static_cast<unsigned>(*Api)])
    return std::nullopt;
  // The core implements the API; a body in the livepatch's own files makes
  // it the livepatch's own function.
  if (definedInOwnFiles(FD, X))
    return std::nullopt;
  unsigned Idx = *Api == ShadowApi::FreeAll ? 0 : 1;
  if (!FD->getParamDecl(Idx)->getType()->isIntegerType())
    return std::nullopt;
  return Api;
}

namespace {

/// What an id expression is made of: a bare number, or something that
/// names it (a macro, an enumerator, a const object), or neither (sizeof,
/// a call).
enum class IdMakeup { Literal, Named, Other };

IdMakeup makeup(const Expr *E, SourceManager &SM, Preprocessor &PP,
                const LangOptions &LO) {
  // A macro whose whole expansion is (this part of) the id names it:
  // SV_ID, BUG_ID(1207, 3); not GET(o), whose body holds the whole call.
  for (const Expr *Cur = E;;) {
    SourceLocation B = Cur->getBeginLoc(), L = Cur->getEndLoc();
    if (B.isMacroID() && L.isMacroID() &&
        Lexer::isAtStartOfMacroExpansion(B, SM, LO) &&
        Lexer::isAtEndOfMacroExpansion(L, SM, LO))
      return IdMakeup::Named;
    if (const auto *P = dyn_cast<ParenExpr>(Cur))
      Cur = P->getSubExpr();
    else if (const auto *C = dyn_cast<CastExpr>(Cur))
      Cur = C->getSubExpr();
    else
      break;
  }
  E = E->IgnoreParenCasts();
  if (isa<IntegerLiteral>(E) || isa<CharacterLiteral>(E)) {
    // A number that an object-like macro expands to is named by it; one
    // written in a function-like macro's body or in its argument is not.
    for (SourceLocation L = E->getBeginLoc(); L.isMacroID();) {
      if (SM.isMacroArgExpansion(L)) {
        L = SM.getImmediateSpellingLoc(L);
        continue;
      }
      llvm::StringRef Name = Lexer::getImmediateMacroName(L, SM, LO);
      const MacroInfo *MI =
          Name.empty() ? nullptr : PP.getMacroInfo(PP.getIdentifierInfo(Name));
      if (MI && MI->isObjectLike())
        return IdMakeup::Named;
      L = SM.getImmediateSpellingLoc(L);
    }
    return IdMakeup::Literal;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return isa<EnumConstantDecl>(DRE->getDecl()) || isa<VarDecl>(DRE->getDecl())
               ? IdMakeup::Named
               : IdMakeup::Other;
  if (!isa<BinaryOperator>(E) && !isa<UnaryOperator>(E) &&
      !isa<ConditionalOperator>(E))
    return IdMakeup::Other;
  IdMakeup Out = IdMakeup::Literal;
  for (const Stmt *Child : E->children()) {
    IdMakeup M = makeup(cast<Expr>(Child), SM, PP, LO);
    if (M == IdMakeup::Named)
      return M;
    if (M == IdMakeup::Other)
      Out = M;
  }
  return Out;
}

} // namespace

bool isStatePointer(QualType T, const KlpRecords &R) {
  const auto *PT = T->getAs<PointerType>();
  return PT && R.is(recordOf(PT->getPointeeType()), R.State);
}

IdValue ExtractContext::foldId(const Expr *E, const FunctionDecl *Fn) {
  if (!Fn)
    Fn = CurFn;
  IdValue V;
  Expr::EvalResult Res;
  if (!E->isValueDependent() && E->EvaluateAsInt(Res, ast()))
    V.Value = Res.Val.getInt().extOrTrunc(64).getZExtValue();
  // Step out of macro-argument expansions to where a token was written:
  // the id is named as the author wrote it, even when the call itself comes
  // from a wrapper macro (GET(o, SV) names SV, not "GET(o, SV)").
  auto WrittenAt = [&](SourceLocation L) {
    while (L.isMacroID() && sm().isMacroArgExpansion(L))
      L = sm().getImmediateSpellingLoc(L);
    return L;
  };
  const Expr *Bare = E->IgnoreParenCasts();
  SourceLocation Begin = WrittenAt(Bare->getBeginLoc());
  SourceLocation End = WrittenAt(Bare->getEndLoc());
  const LangOptions &LO = ast().getLangOpts();
  V.Spelling = sourceText(E);
  if (Begin.isFileID() && End.isFileID() &&
      sm().getFileID(Begin) == sm().getFileID(End))
    V.Spelling =
        Lexer::getSourceText(CharSourceRange::getTokenRange(Begin, End), sm(), LO)
            .str();
  if (V.Value && makeup(E, sm(), pp(), LO) == IdMakeup::Literal) {
    V.Literal = true;
    // Where the number is written: in the file, or in a macro's body.
    SourceLocation B = sm().getSpellingLoc(Begin), L = sm().getSpellingLoc(End);
    if (sm().getFileID(B) == sm().getFileID(L) &&
        sm().getFileOffset(B) <= sm().getFileOffset(L)) {
      V.Written = loc(B);
      V.WrittenLength = sm().getFileOffset(L) - sm().getFileOffset(B) +
                        Lexer::MeasureTokenLength(L, sm(), LO);
    }
  }
  // The name of a macro is the id's spelling only when the whole expression
  // is that one expansion ("ID", not "ID + i").
  bool OneExpansion =
      Begin.isMacroID() && sm().getExpansionLoc(Begin) == sm().getExpansionLoc(End);
  if (Begin.isMacroID() && !OneExpansion) {
    V.Spelling = sourceText(Bare);
  } else if (Begin.isMacroID()) {
    llvm::StringRef Name = Lexer::getImmediateMacroName(Begin, sm(), LO);
    if (const MacroInfo *MI =
            Name.empty() ? nullptr
                         : pp().getMacroInfo(pp().getIdentifierInfo(Name))) {
      // A function-like macro names the id only when its whole body is
      // the id ("SV(n)"); a number inside a bigger body (a call wrapper's
      // "klp_shadow_get(obj, 9)") is spelled as written there, and the
      // wrapper defines no id.
      SourceLocation SB = sm().getSpellingLoc(Begin),
                     SE = sm().getSpellingLoc(End);
      bool WholeBody = MI->isObjectLike();
      if (!WholeBody && MI->getNumTokens()) {
        // The body's parentheses around the id ("(0x100 + (n))") count as
        // the id's.
        llvm::ArrayRef<Token> Body = MI->tokens();
        size_t I = 0, J = Body.size() - 1;
        while (I < J && Body[I].is(tok::l_paren) && Body[I].getLocation() != SB)
          ++I;
        while (J > I && Body[J].is(tok::r_paren) && Body[J].getLocation() != SE)
          --J;
        WholeBody = Body[I].getLocation() == SB && Body[J].getLocation() == SE;
      }
      if (!WholeBody) {
        if (sm().getFileID(SB) == sm().getFileID(SE) &&
            sm().getFileOffset(SB) <= sm().getFileOffset(SE))
          V.Spelling = Lexer::getSourceText(
                           CharSourceRange::getTokenRange(SB, SE), sm(), LO)
                           .str();
      } else {
        V.DefName = Name.str();
        V.Def = loc(MI->getDefinitionLoc());
        V.Spelling = MI->isObjectLike()
                         ? V.DefName
                         : Lexer::getSourceText(
                               sm().getImmediateExpansionRange(Begin), sm(), LO)
                               .str();
      }
    }
  } else if (const auto *DRE = dyn_cast<DeclRefExpr>(Bare)) {
    const ValueDecl *D = DRE->getDecl();
    if (isa<EnumConstantDecl>(D) || isa<VarDecl>(D)) {
      V.DefName = D->getName().str();
      V.Def = loc(D->getLocation());
    }
    // C does not make a const object an integer constant expression; fold
    // its initializer ourselves.
    if (!V.Value)
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (VD->getType().isConstQualified() && VD->getAnyInitializer())
          V.Value = foldId(VD->getAnyInitializer()).Value;
  } else if (const auto *ME = dyn_cast<MemberExpr>(Bare)) {
    // "state->id" of a callback's (or helper's) own klp_state parameter.
    if (ME->isArrow() && ME->getMemberDecl()->getName() == "id" &&
        Records.is(dyn_cast<RecordDecl>(ME->getMemberDecl()->getDeclContext()),
                   Records.State))
      if (const ParmVarDecl *P = paramOf(ME->getBase(), Fn))
        if (isStatePointer(P->getType(), Records)) {
          V.StateOf = Fn->getName().str();
          V.StateParam = P->getFunctionScopeIndex();
        }
  }
  return V;
}

CallbackRef ExtractContext::callbackRef(const Expr *E) {
  CallbackRef CB;
  if (!E)
    return CB;
  CB.Set = true;
  CB.Where = loc(E->getBeginLoc());
  CB.Present =
      !E->isNullPointerConstant(ast(), Expr::NPC_ValueDependentIsNull);
  const Expr *Bare = E->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(Bare))
    if (UO->getOpcode() == UO_AddrOf)
      Bare = UO->getSubExpr()->IgnoreParenCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Bare))
    CB.Function = DRE->getDecl()->getName().str();
  return CB;
}

Flag ExtractContext::flag(const Expr *E) {
  if (!E)
    return Flag::Unset;
  bool V;
  if (!E->isValueDependent() && E->EvaluateAsBooleanCondition(V, ast()))
    return V ? Flag::True : Flag::False;
  return Flag::NonConstant;
}

void ExtractContext::forEachRecordInit(
    const Expr *Init,
    const std::function<void(const InitListExpr *, const RecordDecl *,
                             std::optional<int64_t>)> &Visit) {
  std::function<void(const Expr *, std::optional<int64_t>)> Walk =
      [&](const Expr *E, std::optional<int64_t> Index) {
        E = E->IgnoreParenImpCasts();
        if (const auto *CL = dyn_cast<CompoundLiteralExpr>(E)) {
          Walk(CL->getInitializer(), Index);
          return;
        }
        const auto *Syn = dyn_cast<InitListExpr>(E);
        if (!Syn)
          return;
        const InitListExpr *ILE = semanticForm(Syn);
        QualType T = ILE->getType();
        if (const RecordDecl *RD = recordOf(T))
          Visit(ILE, RD, Index);
        bool Array = T->isArrayType();
        for (unsigned I = 0; I < ILE->getNumInits(); ++I)
          if (const Expr *Sub = ILE->getInit(I))
            Walk(Sub, Array ? std::optional<int64_t>(I) : Index);
      };
  Walk(Init, std::nullopt);
}

const InitListExpr *semanticForm(const InitListExpr *ILE) {
  if (const InitListExpr *S = ILE->getSemanticForm())
    return S;
  return ILE;
}

const Expr *fieldInit(const InitListExpr *ILE, const FieldDecl *F) {
  unsigned Idx = F->getFieldIndex();
  if (Idx >= ILE->getNumInits())
    return nullptr;
  const Expr *E = ILE->getInit(Idx);
  if (!E || isa<ImplicitValueInitExpr>(E))
    return nullptr;
  return E;
}

const Expr *memberPath(const Expr *E, std::vector<const FieldDecl *> &Path) {
  E = E->IgnoreParenImpCasts();
  while (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!FD)
      return E;
    Path.insert(Path.begin(), FD);
    E = ME->getBase()->IgnoreParenImpCasts();
  }
  return E;
}

const VarDecl *baseVar(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
    E = ASE->getBase()->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

const ParmVarDecl *paramOf(const Expr *E, const FunctionDecl *Fn) {
  if (!Fn)
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
  const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  if (!P || P->getDeclContext() != Fn)
    return nullptr;
  return P;
}

} // namespace klp
