//===- ModelBuilder.cpp - Extract a TU's livepatch facts ------------------===//
//
// Everything here is decided by record type (struct klp_object, klp_state,
// klp_state_callbacks, klp_callbacks, klp_patch), never by a member name
// alone: a "callbacks" member of any other struct is not a livepatch fact.
//
//===----------------------------------------------------------------------===//

#include "ModelBuilder.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Lex/Lexer.h>
#include <clang/Lex/MacroArgs.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/StringSwitch.h>
#include <llvm/Support/Path.h>

#include <map>
#include <set>

using namespace clang;

namespace klp {

namespace {

/// The livepatch records, found by tag name among the TU's definitions.
struct KlpRecords {
  const RecordDecl *Object = nullptr;
  const RecordDecl *Callbacks = nullptr; // A: struct klp_callbacks
  const RecordDecl *State = nullptr;
  const RecordDecl *StateCallbacks = nullptr;
  const RecordDecl *Patch = nullptr;

  bool is(const RecordDecl *RD, const RecordDecl *Which) const {
    return RD && Which && RD->getCanonicalDecl() == Which->getCanonicalDecl();
  }
};

bool hasField(const RecordDecl *RD, StringRef Name) {
  if (!RD)
    return false;
  for (const FieldDecl *F : RD->fields())
    if (F->getName() == Name)
      return true;
  return false;
}

const RecordDecl *recordOf(QualType T) {
  if (const RecordType *RT = T->getAsStructureType())
    return RT->getDecl();
  return nullptr;
}

std::optional<Role> stateRole(StringRef Member) {
  return llvm::StringSwitch<std::optional<Role>>(Member)
      .Cases("pre_patch", "setup", Role::PrePatch)
      .Cases("post_patch", "enable", Role::PostPatch)
      .Cases("pre_unpatch", "disable", Role::PreUnpatch)
      .Cases("post_unpatch", "release", Role::PostUnpatch)
      .Case("shadow_dtor", Role::ShadowDtor)
      .Default(std::nullopt);
}

std::optional<Role> objectRole(StringRef Member) {
  return llvm::StringSwitch<std::optional<Role>>(Member)
      .Case("pre_patch", Role::PrePatch)
      .Case("post_patch", Role::PostPatch)
      .Case("pre_unpatch", Role::PreUnpatch)
      .Case("post_unpatch", Role::PostUnpatch)
      .Default(std::nullopt);
}

/// The callback macros of kpatch and klp-build (§6.2 spellings 3 and 4).
struct MacroSpelling {
  const char *Name;
  Role Kind;
  CallbackSpelling Spelling;
};
const MacroSpelling CallbackMacros[] = {
    {"KPATCH_PRE_PATCH_CALLBACK", Role::PrePatch, CallbackSpelling::KpatchMacro},
    {"KPATCH_POST_PATCH_CALLBACK", Role::PostPatch, CallbackSpelling::KpatchMacro},
    {"KPATCH_PRE_UNPATCH_CALLBACK", Role::PreUnpatch, CallbackSpelling::KpatchMacro},
    {"KPATCH_POST_UNPATCH_CALLBACK", Role::PostUnpatch, CallbackSpelling::KpatchMacro},
    {"KLP_PRE_PATCH_CALLBACK", Role::PrePatch, CallbackSpelling::KlpMacro},
    {"KLP_POST_PATCH_CALLBACK", Role::PostPatch, CallbackSpelling::KlpMacro},
    {"KLP_PRE_UNPATCH_CALLBACK", Role::PreUnpatch, CallbackSpelling::KlpMacro},
    {"KLP_POST_UNPATCH_CALLBACK", Role::PostUnpatch, CallbackSpelling::KlpMacro},
};

struct MacroUse {
  const MacroSpelling *Spelling;
  std::string Function;
  SourceLocation Where;
};

/// What a function of the livepatch does, as far as
/// IgnoreShadowOnlyStates needs to know.
struct FunctionSummary {
  std::vector<std::string> Callees;
  std::vector<std::pair<ShadowApi, IdValue>> Shadow;
  bool WritesGlobals = false;
};

} // namespace

struct ModelBuilder::Impl {
  CompilerInstance &CI;
  unsigned TUIndex;
  std::vector<MacroUse> Macros;
  llvm::DenseMap<FileID, bool> OwnCache;
  std::string MainDir;

  Impl(CompilerInstance &CI, unsigned TUIndex) : CI(CI), TUIndex(TUIndex) {}

  SourceManager &sm() { return CI.getSourceManager(); }

  /// The main file, any .c file it includes, and headers below its directory
  /// belong to the livepatch; everything else is the kernel's.
  bool isOwn(SourceLocation L) {
    if (L.isInvalid())
      return false;
    L = sm().getExpansionLoc(L);
    FileID F = sm().getFileID(L);
    auto It = OwnCache.find(F);
    if (It != OwnCache.end())
      return It->second;
    if (MainDir.empty())
      if (auto Main = sm().getFileEntryRefForID(sm().getMainFileID())) {
        StringRef Real = Main->getFileEntry().tryGetRealPathName();
        MainDir = llvm::sys::path::parent_path(Real.empty() ? Main->getName()
                                                            : Real)
                      .str();
      }
    bool Own = false;
    if (F == sm().getMainFileID()) {
      Own = true;
    } else if (auto FE = sm().getFileEntryRefForID(F)) {
      StringRef Real = FE->getFileEntry().tryGetRealPathName();
      StringRef Name = Real.empty() ? FE->getName() : Real;
      Own = Name.ends_with(".c") ||
            (!MainDir.empty() && Name.starts_with(MainDir + "/"));
    }
    OwnCache[F] = Own;
    return Own;
  }

  Loc loc(SourceLocation L) {
    Loc R;
    if (L.isInvalid())
      return R;
    L = sm().getExpansionLoc(L);
    PresumedLoc P = sm().getPresumedLoc(L);
    if (P.isInvalid())
      return R;
    // Findings name files absolutely: a compile database's relative paths
    // are relative to its entry's directory, not to where klp-lint runs.
    llvm::SmallString<256> Path(P.getFilename());
    if (!llvm::sys::path::is_absolute(Path) && !Path.starts_with("<")) {
      sm().getFileManager().makeAbsolutePath(Path);
      llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    }
    R.File = std::string(Path);
    R.Line = P.getLine();
    R.Col = P.getColumn();
    R.TU = TUIndex;
    R.Raw = L.getRawEncoding();
    R.Offset = sm().getFileOffset(L);
    return R;
  }
};

namespace {

class MacroRecorder : public PPCallbacks {
public:
  MacroRecorder(Preprocessor &PP, std::vector<MacroUse> &Out)
      : PP(PP), Out(Out) {}

  void MacroExpands(const Token &Name, const MacroDefinition &,
                    SourceRange Range, const MacroArgs *Args) override {
    const IdentifierInfo *II = Name.getIdentifierInfo();
    if (!II || !II->getName().contains("_CALLBACK"))
      return;
    for (const MacroSpelling &M : CallbackMacros) {
      if (II->getName() != M.Name)
        continue;
      std::string Fn;
      if (Args && Args->getNumMacroArguments() > 0) {
        for (const Token *T = Args->getUnexpArgument(0); T->isNot(tok::eof); ++T)
          Fn += PP.getSpelling(*T);
      }
      Out.push_back({&M, Fn, Range.getBegin()});
      return;
    }
  }

private:
  Preprocessor &PP;
  std::vector<MacroUse> &Out;
};

/// Walks the livepatch's own declarations and collects the facts.
class FactCollector : public RecursiveASTVisitor<FactCollector> {
  using Base = RecursiveASTVisitor<FactCollector>;

public:
  FactCollector(ModelBuilder::Impl &B, ASTContext &Ctx, const KlpRecords &R,
                TUFacts &Out)
      : B(B), Ctx(Ctx), R(R), Out(Out), SM(Ctx.getSourceManager()),
        PP(B.CI.getPreprocessor()) {}

  void run() {
    // noload_decls: with a preamble PCH the kernel headers' declarations
    // stay unloaded; the livepatch's own ones are never in the PCH.
    for (Decl *D : Ctx.getTranslationUnitDecl()->noload_decls())
      if (B.isOwn(D->getLocation()))
        TraverseDecl(D);
    resolveHelpers();
    finishStates();
  }

  bool TraverseFunctionDecl(FunctionDecl *FD) {
    const FunctionDecl *Saved = CurFn;
    CurFn = FD->doesThisDeclarationHaveABody() ? FD : nullptr;
    bool Ok = Base::TraverseFunctionDecl(FD);
    CurFn = Saved;
    return Ok;
  }

  bool VisitVarDecl(VarDecl *VD) {
    if (isa<ParmVarDecl>(VD))
      return true;
    const RecordDecl *RD = recordOf(VD->getType());
    if (R.is(RD, R.Patch) &&
        VD->isThisDeclarationADefinition() != VarDecl::DeclarationOnly) {
      Patch P;
      P.Name = VD->getName().str();
      P.Where = B.loc(VD->getLocation());
      PatchIndex[VD->getCanonicalDecl()] = Out.Patches.size();
      Out.Patches.push_back(P);
    }
    if (const Expr *Init = VD->getInit())
      walkInit(Init, VD, std::nullopt);
    return true;
  }

  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!FD)
      return true;
    if (CurFn) {
      Summaries[CurFn->getCanonicalDecl()].Callees.push_back(
          FD->getName().str());
      CallsTo[FD->getCanonicalDecl()].push_back({CE, CurFn});
    }
    std::optional<ShadowApi> Api = shadowApi(FD);
    if (!Api)
      return true;
    unsigned Idx = *Api == ShadowApi::FreeAll ? 0 : 1;
    if (CE->getNumArgs() <= Idx)
      return true;
    const Expr *Arg = CE->getArg(Idx);
    if (const ParmVarDecl *P = paramOf(Arg, CurFn)) {
      // The id comes from the caller: fold it at each call site instead.
      Helpers.push_back({CurFn->getCanonicalDecl(), P->getFunctionScopeIndex(),
                         *Api});
      return true;
    }
    IdValue Id = foldId(Arg);
    if (CurFn)
      Summaries[CurFn->getCanonicalDecl()].Shadow.push_back({*Api, Id});
    Out.ShadowCalls.push_back({*Api, Id, B.loc(CE->getBeginLoc()), ""});
    return true;
  }

  /// B spellings of klp_state_callbacks members, with the C name to use.
  void pocSpelling(const FieldDecl *F, SourceLocation NameLoc) {
    if (!F || !R.is(F->getParent(), R.StateCallbacks))
      return;
    static const std::pair<const char *, const char *> Names[] = {
        {"setup", "pre_patch"},       {"enable", "post_patch"},
        {"disable", "pre_unpatch"},   {"release", "post_unpatch"},
        {"setup_succeeded", "pre_patch_succeeded"}};
    for (auto [B, C] : Names)
      if (F->getName() == B && NameLoc.isFileID())
        Out.PocSpellings.push_back({this->B.loc(NameLoc), B, C});
  }

  bool VisitDesignatedInitExpr(DesignatedInitExpr *DIE) {
    for (const DesignatedInitExpr::Designator &D : DIE->designators())
      if (D.isFieldDesignator())
        pocSpelling(D.getFieldDecl(), D.getFieldLoc());
    return true;
  }

  bool VisitMemberExpr(MemberExpr *ME) {
    pocSpelling(dyn_cast<FieldDecl>(ME->getMemberDecl()), ME->getMemberLoc());
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp())
      noteWrite(UO->getSubExpr());
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (!BO->isAssignmentOp())
      return true;
    noteWrite(BO->getLHS());
    if (BO->getOpcode() != BO_Assign)
      return true;
    std::vector<const FieldDecl *> Path;
    const Expr *Base = memberPath(BO->getLHS(), Path);
    if (Path.empty())
      return true;
    const RecordDecl *Owner = Path.front()->getParent();
    if (R.is(Owner, R.Object))
      objectAssignment(BO, Path);
    else if (R.is(Owner, R.State))
      stateAssignment(BO, Base, Path);
    else if (R.is(Owner, R.Patch) && Path.front()->getName() == "states")
      referStates(BO->getRHS(), nullptr);
    else if (R.is(Owner, R.Patch) && Path.front()->getName() == "replace")
      if (const VarDecl *VD = baseVar(Base))
        if (auto It = PatchIndex.find(VD->getCanonicalDecl());
            It != PatchIndex.end())
          Out.Patches[It->second].Replace = isTrue(BO->getRHS()) == Flag::True;
    return true;
  }

private:
  struct Call {
    const CallExpr *CE;
    const FunctionDecl *Caller;
  };
  struct Helper {
    const FunctionDecl *Fn;
    unsigned Param;
    ShadowApi Api;
  };
  /// A state slot: a variable and an index (-1 when reached through a
  /// pointer or a lone struct).
  using SlotKey = std::pair<const Decl *, int64_t>;

  ModelBuilder::Impl &B;
  ASTContext &Ctx;
  const KlpRecords &R;
  TUFacts &Out;
  SourceManager &SM;
  Preprocessor &PP;
  const FunctionDecl *CurFn = nullptr;
  std::map<const FunctionDecl *, std::vector<Call>> CallsTo;
  std::map<const FunctionDecl *, FunctionSummary> Summaries;
  std::vector<Helper> Helpers;
  std::map<const VarDecl *, size_t> PatchIndex;
  std::map<SlotKey, size_t> Slots; // -> index into Out.States
  std::vector<size_t> SlotOrder;
  std::set<size_t> RunTimeWithoutId;

  // --- Ids --------------------------------------------------------------

  std::string sourceText(const Expr *E) {
    CharSourceRange Range = SM.getExpansionRange(E->getSourceRange());
    return Lexer::getSourceText(Range, SM, Ctx.getLangOpts()).str();
  }

  /// Fold an id: macros, enums, const objects with constant initializers and
  /// arithmetic on them. Also records where its name is defined.
  /// Step out of macro-argument expansions to where a token was written.
  SourceLocation writtenAt(SourceLocation L) {
    while (L.isMacroID() && SM.isMacroArgExpansion(L))
      L = SM.getImmediateSpellingLoc(L);
    return L;
  }

  IdValue foldId(const Expr *E) {
    IdValue V;
    Expr::EvalResult Res;
    if (!E->isValueDependent() && E->EvaluateAsInt(Res, Ctx))
      V.Value = Res.Val.getInt().extOrTrunc(64).getZExtValue();
    // Name the id as the author wrote it, even when the call itself comes
    // from a wrapper macro: GET(o, SV) names SV, not "GET(o, SV)".
    const Expr *Bare = E->IgnoreParenCasts();
    SourceLocation Begin = writtenAt(Bare->getBeginLoc());
    SourceLocation End = writtenAt(Bare->getEndLoc());
    V.Spelling = sourceText(E);
    if (Begin.isFileID() && End.isFileID() &&
        SM.getFileID(Begin) == SM.getFileID(End))
      V.Spelling = Lexer::getSourceText(CharSourceRange::getTokenRange(Begin, End),
                                        SM, Ctx.getLangOpts())
                       .str();
    if (Begin.isMacroID()) {
      StringRef Name = Lexer::getImmediateMacroName(Begin, SM, Ctx.getLangOpts());
      if (const MacroInfo *MI =
              Name.empty() ? nullptr
                           : PP.getMacroInfo(PP.getIdentifierInfo(Name))) {
        V.DefName = Name.str();
        V.Def = B.loc(MI->getDefinitionLoc());
        if (MI->isObjectLike())
          V.Spelling = V.DefName;
        else
          V.Spelling =
              Lexer::getSourceText(SM.getImmediateExpansionRange(Begin), SM,
                                   Ctx.getLangOpts())
                  .str();
      }
    } else if (const auto *DRE = dyn_cast<DeclRefExpr>(Bare)) {
      const ValueDecl *D = DRE->getDecl();
      if (isa<EnumConstantDecl>(D) || isa<VarDecl>(D)) {
        V.DefName = D->getName().str();
        V.Def = B.loc(D->getLocation());
      }
      // C does not make a const object an integer constant expression; fold
      // its initializer ourselves.
      if (!V.Value)
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (VD->getType().isConstQualified() && VD->getAnyInitializer())
            V.Value = foldId(VD->getAnyInitializer()).Value;
    }
    return V;
  }

  static const ParmVarDecl *paramOf(const Expr *E, const FunctionDecl *Fn) {
    if (!Fn)
      return nullptr;
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
    const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
    if (!P || P->getDeclContext() != Fn)
      return nullptr;
    return P;
  }

  /// Is \p FD the livepatch core's shadow API (not a look-alike)?
  std::optional<ShadowApi> shadowApi(const FunctionDecl *FD) {
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
    // The core implements the API; a body in the livepatch's own files
    // makes it the livepatch's own function.
    const FunctionDecl *Def = nullptr;
    if (FD->hasBody(Def) && B.isOwn(Def->getLocation()))
      return std::nullopt;
    unsigned Idx = *Api == ShadowApi::FreeAll ? 0 : 1;
    if (!FD->getParamDecl(Idx)->getType()->isIntegerType())
      return std::nullopt;
    return Api;
  }

  void resolveHelpers() {
    std::set<std::pair<const FunctionDecl *, unsigned>> Seen;
    for (size_t I = 0; I < Helpers.size(); ++I) {
      Helper H = Helpers[I];
      if (!Seen.insert({H.Fn, H.Param}).second)
        continue;
      for (const Call &C : CallsTo[H.Fn]) {
        if (C.CE->getNumArgs() <= H.Param)
          continue;
        const Expr *Arg = C.CE->getArg(H.Param);
        if (const ParmVarDecl *P = paramOf(Arg, C.Caller)) {
          Helpers.push_back(
              {C.Caller->getCanonicalDecl(), P->getFunctionScopeIndex(), H.Api});
          continue;
        }
        IdValue Id = foldId(Arg);
        if (!Id.known())
          continue;
        Summaries[C.Caller->getCanonicalDecl()].Shadow.push_back({H.Api, Id});
        Out.ShadowCalls.push_back(
            {H.Api, Id, B.loc(C.CE->getBeginLoc()), H.Fn->getName().str()});
      }
    }
  }

  // --- Initializers -------------------------------------------------------

  static const InitListExpr *semantic(const InitListExpr *ILE) {
    if (const InitListExpr *S = ILE->getSemanticForm())
      return S;
    return ILE;
  }

  /// The initializer of field \p Name of the semantic record init \p ILE, or
  /// null when the field is not initialised explicitly.
  static const Expr *fieldInit(const InitListExpr *ILE, const FieldDecl *F) {
    unsigned Idx = F->getFieldIndex();
    if (Idx >= ILE->getNumInits())
      return nullptr;
    const Expr *E = ILE->getInit(Idx);
    if (!E || isa<ImplicitValueInitExpr>(E))
      return nullptr;
    return E;
  }

  void walkInit(const Expr *E, const VarDecl *Var, std::optional<int64_t> Index) {
    E = E->IgnoreParenImpCasts();
    if (const auto *CL = dyn_cast<CompoundLiteralExpr>(E)) {
      walkInit(CL->getInitializer(), Var, Index);
      return;
    }
    const auto *Syn = dyn_cast<InitListExpr>(E);
    if (!Syn)
      return;
    const InitListExpr *ILE = semantic(Syn);
    QualType T = ILE->getType();
    const RecordDecl *RD = recordOf(T);
    if (R.is(RD, R.Object))
      objectInit(ILE);
    else if (R.is(RD, R.State))
      stateInit(ILE, Var, Index.value_or(0));
    else if (R.is(RD, R.Patch))
      patchInit(ILE, Var);
    bool Array = T->isArrayType();
    for (unsigned I = 0; I < ILE->getNumInits(); ++I)
      if (const Expr *Sub = ILE->getInit(I))
        walkInit(Sub, Var, Array ? std::optional<int64_t>(I) : Index);
  }

  CallbackRef callbackRef(const Expr *E) {
    CallbackRef CB;
    if (!E)
      return CB;
    CB.Set = true;
    CB.Where = B.loc(E->getBeginLoc());
    CB.Present = !E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNull);
    const Expr *Bare = E->IgnoreParenCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(Bare))
      if (UO->getOpcode() == UO_AddrOf)
        Bare = UO->getSubExpr()->IgnoreParenCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Bare))
      CB.Function = DRE->getDecl()->getName().str();
    return CB;
  }

  Flag isTrue(const Expr *E) {
    if (!E)
      return Flag::Unset;
    bool V;
    if (!E->isValueDependent() && E->EvaluateAsBooleanCondition(V, Ctx))
      return V ? Flag::True : Flag::False;
    return Flag::NonConstant;
  }

  std::string objectName(const Expr *E, Loc &Where) {
    if (!E)
      return "vmlinux"; // A NULL name means vmlinux.
    Where = B.loc(E->getBeginLoc());
    if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNull))
      return "vmlinux";
    if (const auto *SL = dyn_cast<StringLiteral>(E->IgnoreParenImpCasts()))
      return SL->getString().str();
    return "";
  }

  void objectInit(const InitListExpr *ILE) {
    std::string Name = "vmlinux";
    Loc NameLoc = B.loc(ILE->getBeginLoc());
    const Expr *CallbacksInit = nullptr;
    for (const FieldDecl *F : R.Object->fields()) {
      if (F->getName() == "name")
        Name = objectName(fieldInit(ILE, F), NameLoc);
      else if (R.is(recordOf(F->getType()), R.Callbacks))
        CallbacksInit = fieldInit(ILE, F);
    }
    if (!CallbacksInit)
      return;
    addObjectCallbacks(CallbacksInit, CallbackSpelling::Initializer, Name,
                       NameLoc);
  }

  /// Record each non-null function of a struct klp_callbacks value.
  void addObjectCallbacks(const Expr *E, CallbackSpelling Spelling,
                          const std::string &Name, const Loc &NameLoc) {
    const Expr *Bare = E->IgnoreParenImpCasts();
    if (const auto *CL = dyn_cast<CompoundLiteralExpr>(Bare))
      Bare = CL->getInitializer();
    const auto *ILE = dyn_cast<InitListExpr>(Bare);
    if (!ILE) {
      // A whole struct copied in: its contents are not visible here.
      ObjectCallback OC{Spelling, Role::PrePatch, "", Name,
                        isModuleObject(Name), "", B.loc(E->getBeginLoc()),
                        NameLoc};
      Out.ObjectCallbacks.push_back(OC);
      return;
    }
    ILE = semantic(ILE);
    for (const FieldDecl *F : R.Callbacks->fields()) {
      std::optional<Role> Kind = objectRole(F->getName());
      if (!Kind)
        continue;
      CallbackRef CB = callbackRef(fieldInit(ILE, F));
      if (!CB.Present)
        continue;
      Out.ObjectCallbacks.push_back({Spelling, *Kind, CB.Function, Name,
                                     isModuleObject(Name), "", CB.Where,
                                     NameLoc});
    }
  }

  static bool isModuleObject(const std::string &Name) {
    return !Name.empty() && Name != "vmlinux";
  }

  State &slot(SlotKey Key, const Decl *Var, SourceLocation Where, bool RunTime) {
    auto It = Slots.find(Key);
    if (It != Slots.end())
      return Out.States[It->second];
    Slots[Key] = Out.States.size();
    SlotOrder.push_back(Out.States.size());
    State S;
    S.Where = B.loc(Where);
    S.RunTime = RunTime;
    if (const auto *ND = dyn_cast_or_null<NamedDecl>(Var)) {
      S.Array = ND->getName().str();
      S.ArrayLoc = B.loc(ND->getLocation());
    }
    Out.States.push_back(S);
    return Out.States.back();
  }

  void stateInit(const InitListExpr *ILE, const VarDecl *Var, int64_t Index) {
    SourceLocation Where = ILE->getBeginLoc();
    if (const InitListExpr *Syn = ILE->getSyntacticForm())
      Where = Syn->getBeginLoc();
    State &S = slot({Var ? Var->getCanonicalDecl() : nullptr, Index}, Var,
                    Where, false);
    for (const FieldDecl *F : R.State->fields()) {
      const Expr *E = fieldInit(ILE, F);
      StringRef N = F->getName();
      if (N == "id") {
        S.Id = E ? foldId(E) : IdValue{0, "0", "", {}};
      } else if (N == "block_disable") {
        S.BlockDisable = isTrue(E);
      } else if (N == "is_shadow") {
        S.IsShadow = isTrue(E);
      } else if (E && R.is(recordOf(F->getType()), R.StateCallbacks)) {
        const auto *CBs = dyn_cast<InitListExpr>(E->IgnoreParenImpCasts());
        if (!CBs)
          continue;
        CBs = semantic(CBs);
        for (const FieldDecl *CF : R.StateCallbacks->fields())
          if (std::optional<Role> Kind = stateRole(CF->getName()))
            S.Callbacks[static_cast<unsigned>(*Kind)] =
                callbackRef(fieldInit(CBs, CF));
      }
    }
  }

  void patchInit(const InitListExpr *ILE, const VarDecl *Var) {
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
        Out.Patches[It->second].Replace =
            isTrue(fieldInit(ILE, F)) == Flag::True;
  }

  /// Record which variable a klp_patch's "states" member points to:
  /// "states", "&states[0]", or a compound literal inside the patch's own
  /// initializer (whose states are keyed by the patch variable).
  void referStates(const Expr *E, const VarDecl *PatchVar) {
    E = E->IgnoreParenCasts();
    if (isa<CompoundLiteralExpr>(E)) {
      if (PatchVar)
        Out.StateArrays.push_back(PatchVar->getName().str());
      return;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      if (UO->getOpcode() == UO_AddrOf)
        E = UO->getSubExpr()->IgnoreParenCasts();
    if (const VarDecl *VD = baseVar(E))
      Out.StateArrays.push_back(VD->getName().str());
  }

  // --- Assignments -------------------------------------------------------

  /// Split "base.m1.m2" into its fields (outermost first) and the base.
  static const Expr *memberPath(const Expr *E,
                                std::vector<const FieldDecl *> &Path) {
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

  static const VarDecl *baseVar(const Expr *E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
      E = ASE->getBase()->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(DRE->getDecl());
    return nullptr;
  }

  void noteWrite(const Expr *LHS) {
    if (!CurFn)
      return;
    std::vector<const FieldDecl *> Path;
    if (const VarDecl *VD = baseVar(memberPath(LHS, Path)))
      if (VD->hasGlobalStorage())
        Summaries[CurFn->getCanonicalDecl()].WritesGlobals = true;
  }

  void objectAssignment(const BinaryOperator *BO,
                        const std::vector<const FieldDecl *> &Path) {
    if (!R.is(recordOf(Path[0]->getType()), R.Callbacks))
      return;
    if (Path.size() == 1) {
      addObjectCallbacks(BO->getRHS(), CallbackSpelling::Assignment, "", Loc());
      return;
    }
    std::optional<Role> Kind = objectRole(Path[1]->getName());
    CallbackRef CB = callbackRef(BO->getRHS());
    if (!Kind || !CB.Present)
      return;
    Out.ObjectCallbacks.push_back({CallbackSpelling::Assignment, *Kind,
                                   CB.Function, "", false, "",
                                   B.loc(BO->getBeginLoc()), Loc()});
  }

  void stateAssignment(const BinaryOperator *BO, const Expr *Base,
                       const std::vector<const FieldDecl *> &Path) {
    // Key the slot by variable and constant index.
    const Decl *Var = nullptr;
    int64_t Index = 0;
    const Expr *E = Base->IgnoreParenImpCasts();
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      Expr::EvalResult Res;
      if (!ASE->getIdx()->EvaluateAsInt(Res, Ctx))
        return;
      Index = Res.Val.getInt().getExtValue();
      E = ASE->getBase()->IgnoreParenImpCasts();
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    if (!DRE)
      return;
    Var = DRE->getDecl()->getCanonicalDecl();
    const Expr *RHS = BO->getRHS();
    StringRef N = Path[0]->getName();
    bool Known = Slots.count({Var, Index});
    if (N == "id") {
      IdValue Id = foldId(RHS);
      if (!Id.known())
        return; // Only constant ids make a state (§6.1).
      State &S = slot({Var, Index}, DRE->getDecl(), BO->getBeginLoc(), true);
      S.Id = Id;
      RunTimeWithoutId.erase(Slots[{Var, Index}]);
      return;
    }
    State &S = slot({Var, Index}, DRE->getDecl(), BO->getBeginLoc(), true);
    if (!Known && S.RunTime)
      RunTimeWithoutId.insert(Slots[{Var, Index}]);
    if (N == "block_disable")
      S.BlockDisable = isTrue(RHS);
    else if (N == "is_shadow")
      S.IsShadow = isTrue(RHS);
    else if (Path.size() == 2 && R.is(recordOf(Path[0]->getType()),
                                      R.StateCallbacks))
      if (std::optional<Role> Kind = stateRole(Path[1]->getName()))
        S.Callbacks[static_cast<unsigned>(*Kind)] = callbackRef(RHS);
  }

  /// Drop run-time slots that never got a constant id, and the id-0
  /// terminators; work out IgnoreShadowOnlyStates' premise.
  void finishStates() {
    std::vector<State> Kept;
    for (size_t I = 0; I < Out.States.size(); ++I) {
      State &S = Out.States[I];
      if (RunTimeWithoutId.count(I))
        continue;
      bool Anything = S.BlockDisable != Flag::Unset ||
                      S.IsShadow != Flag::Unset;
      for (const CallbackRef &CB : S.Callbacks)
        Anything |= CB.Set;
      if (S.Id.known() && *S.Id.Value == 0 && !Anything)
        continue; // The terminating element.
      S.PrePatchOnlyAllocatesOwnShadow = onlyAllocatesOwnShadow(S);
      Kept.push_back(std::move(S));
    }
    Out.States = std::move(Kept);
  }

  bool onlyAllocatesOwnShadow(const State &S) {
    const CallbackRef &Pre = S.Callbacks[static_cast<unsigned>(Role::PrePatch)];
    if (!Pre.Present || Pre.Function.empty() || !S.Id.known())
      return false;
    for (const auto &[Fn, Sum] : Summaries) {
      if (Fn->getName() != Pre.Function)
        continue;
      if (Sum.WritesGlobals || Sum.Shadow.empty())
        return false;
      for (const auto &[Api, Id] : Sum.Shadow)
        if ((Api != ShadowApi::Alloc && Api != ShadowApi::GetOrAlloc) ||
            !Id.known() || *Id.Value != *S.Id.Value)
          return false;
      for (const std::string &Callee : Sum.Callees)
        if (Callee != "klp_shadow_alloc" && Callee != "klp_shadow_get_or_alloc" &&
            !StringRef(Callee).contains("printk"))
          return false;
      return true;
    }
    return false;
  }
};

/// The definition of struct \p Name, by name lookup in the translation unit
/// (which also finds it in a preamble PCH without loading everything else).
const RecordDecl *findRecord(ASTContext &Ctx, StringRef Name) {
  IdentifierInfo *II = &Ctx.Idents.get(Name);
  for (NamedDecl *D : Ctx.getTranslationUnitDecl()->lookup(II))
    if (const auto *RD = dyn_cast<RecordDecl>(D))
      if (const RecordDecl *Def = RD->getDefinition())
        return Def;
  return nullptr;
}

KlpRecords findRecords(ASTContext &Ctx) {
  KlpRecords R;
  R.Object = findRecord(Ctx, "klp_object");
  R.Callbacks = findRecord(Ctx, "klp_callbacks");
  R.State = findRecord(Ctx, "klp_state");
  R.StateCallbacks = findRecord(Ctx, "klp_state_callbacks");
  R.Patch = findRecord(Ctx, "klp_patch");
  return R;
}

/// livepatch-semantics.md §1.4: decided from the declarations in use.
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

ModelBuilder::ModelBuilder(CompilerInstance &CI, unsigned TUIndex)
    : I(std::make_unique<Impl>(CI, TUIndex)) {}

ModelBuilder::~ModelBuilder() = default;

void ModelBuilder::attachPreprocessor() {
  Preprocessor &PP = I->CI.getPreprocessor();
  PP.addPPCallbacks(std::make_unique<MacroRecorder>(PP, I->Macros));
}

bool ModelBuilder::isOwn(const Decl *D) { return I->isOwn(D->getLocation()); }

TUFacts ModelBuilder::build(ASTContext &Ctx) {
  SourceManager &SM = Ctx.getSourceManager();
  TUFacts Facts;
  if (auto Main = SM.getFileEntryRefForID(SM.getMainFileID())) {
    llvm::SmallString<256> Path(Main->getName());
    SM.getFileManager().makeAbsolutePath(Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    Facts.MainFile = std::string(Path);
    StringRef Real = Main->getFileEntry().tryGetRealPathName();
    I->MainDir = llvm::sys::path::parent_path(Real.empty() ? Main->getName()
                                                           : Real)
                     .str();
  }
  KlpRecords R = findRecords(Ctx);
  Facts.Gen = detectGeneration(R);
  if (Facts.Gen == Generation::ReplaceSetRFC)
    return Facts; // Outside the canonical API (§1.5): no facts, no checks.

  for (const MacroUse &M : I->Macros) {
    if (!I->isOwn(M.Where))
      continue;
    ObjectCallback OC{M.Spelling->Spelling, M.Spelling->Kind, M.Function,
                      "", false, M.Spelling->Name, I->loc(M.Where), Loc()};
    Facts.ObjectCallbacks.push_back(OC);
  }
  FactCollector(*I, Ctx, R, Facts).run();
  return Facts;
}

} // namespace klp
