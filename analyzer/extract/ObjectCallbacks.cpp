// SPDX-License-Identifier: GPL-2.0-only
//===- ObjectCallbacks.cpp - Per-object callback registrations ------------===//
//
// The four spellings of a per-object callback (callbacks-per-object): a
// struct klp_object initializer's callbacks member, an assignment to it,
// kpatch's KPATCH_*_CALLBACK and klp-build's KLP_*_CALLBACK macros. Each
// records the object it belongs to (ObjectCallback::Holder), so that the
// callbacks of one object can be judged together
// (callbacks-per-object-unpaired); an assignment through a variable with an
// initializer gets that object's name too.
//
//===----------------------------------------------------------------------===//

#include "extract/Context.h"
#include "extract/Families.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/Lex/Lexer.h>
#include <clang/Lex/MacroArgs.h>
#include <clang/Lex/Preprocessor.h>
#include <llvm/ADT/StringSwitch.h>

using namespace clang;

namespace klp {

namespace {

std::optional<Role> objectRole(llvm::StringRef Member) {
  return llvm::StringSwitch<std::optional<Role>>(Member)
      .Case("pre_patch", Role::PrePatch)
      .Case("post_patch", Role::PostPatch)
      .Case("pre_unpatch", Role::PreUnpatch)
      .Case("post_unpatch", Role::PostUnpatch)
      .Default(std::nullopt);
}

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

bool isModuleObject(const std::string &Name) {
  return !Name.empty() && Name != "vmlinux";
}

class ObjectCallbacksFamily : public FactFamily {
public:
  bool wantsMacro(llvm::StringRef Name) const override {
    return Name.contains("_CALLBACK");
  }

  void onMacro(llvm::StringRef Name, const MacroArgs *Args,
               const SourceRange &Range, ExtractContext &X) override {
    for (const MacroSpelling &M : CallbackMacros) {
      if (Name != M.Name)
        continue;
      std::string Fn;
      if (Args && Args->getNumMacroArguments() > 0)
        for (const Token *T = Args->getUnexpArgument(0); T->isNot(tok::eof); ++T)
          Fn += X.pp().getSpelling(*T);
      Macros.push_back({&M, Fn, Range.getBegin()});
      return;
    }
  }

  void onVar(const VarDecl *VD, ExtractContext &X) override {
    if (const Expr *Init = VD->getInit())
      X.forEachRecordInit(Init, [&](const InitListExpr *ILE, const RecordDecl *RD,
                                    std::optional<int64_t> Index) {
        if (X.records().is(RD, X.records().Object))
          objectInit(X, ILE, holderName(VD, Index));
      });
  }

  void onAssign(const BinaryOperator *BO, ExtractContext &X) override {
    if (BO->getOpcode() != BO_Assign)
      return;
    const KlpRecords &R = X.records();
    std::vector<const FieldDecl *> Path;
    memberPath(BO->getLHS(), Path);
    if (Path.empty() || !R.is(Path.front()->getParent(), R.Object) ||
        !R.is(recordOf(Path[0]->getType()), R.Callbacks))
      return;
    Target T = assignedObject(X, BO->getLHS());
    if (Path.size() == 1) {
      addObjectCallbacks(X, BO->getRHS(), CallbackSpelling::Assignment, T.Name,
                         T.NameLoc, T.Holder);
      return;
    }
    std::optional<Role> Kind = objectRole(Path[1]->getName());
    CallbackRef CB = X.callbackRef(BO->getRHS());
    if (!Kind || !CB.Present)
      return;
    ObjectCallback OC{CallbackSpelling::Assignment, *Kind, CB.Function,
                      T.Name, isModuleObject(T.Name), "",
                      X.loc(BO->getBeginLoc()), T.NameLoc};
    OC.Holder = T.Holder;
    Walked.push_back(OC);
  }

  void finish(ExtractContext &X, TUFacts &Out) override {
    for (const MacroUse &M : Macros) {
      if (!X.isOwn(M.Where))
        continue;
      ObjectCallback OC{M.Spelling->Spelling, M.Spelling->Kind, M.Function,
                        "", false, M.Spelling->Name, X.loc(M.Where), Loc()};
      OC.Holder = M.Spelling->Spelling == CallbackSpelling::KpatchMacro
                      ? "kpatch"
                      : "klp-build";
      Out.ObjectCallbacks.push_back(OC);
    }
    Out.ObjectCallbacks.insert(Out.ObjectCallbacks.end(), Walked.begin(),
                               Walked.end());
  }

private:
  /// The struct klp_object an assignment to its callbacks goes to.
  struct Target {
    std::string Holder; ///< "" when not known
    std::string Name;   ///< its name when the variable's initializer has it
    Loc NameLoc;
  };

  static std::string holderName(const VarDecl *VD,
                                std::optional<int64_t> Index) {
    std::string Name = VD->getName().str();
    return Index ? Name + "[" + std::to_string(*Index) + "]" : Name;
  }

  /// "objs[1].callbacks…" or "obj.callbacks…" of a variable (a constant
  /// index): that element, and its name as its initializer gives it. A
  /// pointer ("p->callbacks") or a computed index is not known.
  static Target assignedObject(ExtractContext &X, const Expr *LHS) {
    Target T;
    const Expr *E = LHS->IgnoreParenImpCasts();
    const MemberExpr *Innermost = nullptr;
    while (const auto *ME = dyn_cast<MemberExpr>(E)) {
      Innermost = ME;
      E = ME->getBase()->IgnoreParenImpCasts();
    }
    if (!Innermost || Innermost->isArrow())
      return T;
    std::optional<int64_t> Index;
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      Expr::EvalResult R;
      if (ASE->getIdx()->isValueDependent() ||
          !ASE->getIdx()->EvaluateAsInt(R, X.ast()))
        return T;
      Index = R.Val.getInt().getExtValue();
      E = ASE->getBase()->IgnoreParenImpCasts();
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!VD || VD->getType()->isPointerType())
      return T;
    T.Holder = holderName(VD, Index);
    const VarDecl *Def = nullptr;
    if (const Expr *Init = VD->getAnyInitializer(Def))
      X.forEachRecordInit(Init, [&](const InitListExpr *ILE, const RecordDecl *RD,
                                    std::optional<int64_t> I) {
        if (!T.Name.empty() || !X.records().is(RD, X.records().Object) ||
            I != Index)
          return;
        T.Name = "vmlinux";
        for (const FieldDecl *F : RD->fields())
          if (F->getName() == "name")
            T.Name = objectName(X, fieldInit(ILE, F), T.NameLoc);
        if (!T.NameLoc.valid())
          T.NameLoc = X.loc(ILE->getBeginLoc());
      });
    return T;
  }

  struct MacroUse {
    const MacroSpelling *Spelling;
    std::string Function;
    SourceLocation Where;
  };

  static std::string objectName(ExtractContext &X, const Expr *E, Loc &Where) {
    if (!E)
      return "vmlinux"; // A NULL name means vmlinux.
    Where = X.loc(E->getBeginLoc());
    if (E->isNullPointerConstant(X.ast(), Expr::NPC_ValueDependentIsNull))
      return "vmlinux";
    if (const auto *SL = dyn_cast<StringLiteral>(E->IgnoreParenImpCasts()))
      return SL->getString().str();
    return "";
  }

  void objectInit(ExtractContext &X, const InitListExpr *ILE,
                  const std::string &Holder) {
    const KlpRecords &R = X.records();
    if (!hasField(R.Object, "callbacks")) {
      positionalWithoutMember(X, ILE);
      return;
    }
    std::string Name = "vmlinux";
    Loc NameLoc = X.loc(ILE->getBeginLoc());
    const Expr *CallbacksInit = nullptr;
    for (const FieldDecl *F : R.Object->fields()) {
      if (F->getName() == "name")
        Name = objectName(X, fieldInit(ILE, F), NameLoc);
      else if (R.is(recordOf(F->getType()), R.Callbacks))
        CallbacksInit = fieldInit(ILE, F);
    }
    if (CallbacksInit)
      addObjectCallbacks(X, CallbacksInit, CallbackSpelling::Initializer, Name,
                         NameLoc, Holder);
  }

  /// Record each non-null function of a struct klp_callbacks value.
  void addObjectCallbacks(ExtractContext &X, const Expr *E,
                          CallbackSpelling Spelling, const std::string &Name,
                          const Loc &NameLoc, const std::string &Holder) {
    const Expr *Bare = E->IgnoreParenImpCasts();
    if (const auto *CL = dyn_cast<CompoundLiteralExpr>(Bare))
      Bare = CL->getInitializer();
    const auto *ILE = dyn_cast<InitListExpr>(Bare);
    if (!ILE) {
      // A whole struct copied in: its contents are not visible here.
      ObjectCallback OC{Spelling, Role::PrePatch, "", Name,
                        isModuleObject(Name), "", X.loc(E->getBeginLoc()),
                        NameLoc};
      OC.Holder = Holder;
      Walked.push_back(OC);
      return;
    }
    ILE = semanticForm(ILE);
    for (const FieldDecl *F : X.records().Callbacks->fields()) {
      std::optional<Role> Kind = objectRole(F->getName());
      if (!Kind)
        continue;
      CallbackRef CB = X.callbackRef(fieldInit(ILE, F));
      if (!CB.Present)
        continue;
      ObjectCallback OC{Spelling, *Kind, CB.Function, Name,
                        isModuleObject(Name), "", CB.Where, NameLoc};
      OC.Holder = Holder;
      Walked.push_back(OC);
    }
  }

  /// { name, funcs, { pre, post, ... } } under headers without the member:
  /// the braces initialise whatever member comes third instead.
  void positionalWithoutMember(ExtractContext &X, const InitListExpr *ILE) {
    const InitListExpr *Syn = ILE->getSyntacticForm() ? ILE->getSyntacticForm() : ILE;
    if (Syn->getNumInits() < 3)
      return;
    for (const Expr *E : Syn->inits())
      if (isa<DesignatedInitExpr>(E))
        return;
    const auto *CBs = dyn_cast<InitListExpr>(Syn->getInit(2)->IgnoreParenImpCasts());
    if (!CBs)
      return;
    static const Role Order[] = {Role::PrePatch, Role::PostPatch,
                                 Role::PreUnpatch, Role::PostUnpatch};
    for (unsigned I = 0; I < CBs->getNumInits() && I < 4; ++I) {
      CallbackRef CB = X.callbackRef(CBs->getInit(I));
      if (!CB.Present || CB.Function.empty())
        continue;
      ObjectCallback OC{CallbackSpelling::Initializer, Order[I], CB.Function,
                        "", false, "", CB.Where, Loc()};
      OC.MissingMember = true;
      Walked.push_back(OC);
    }
  }

  std::vector<MacroUse> Macros;
  std::vector<ObjectCallback> Walked;
};

/// The raw tokens from a location on, as written.
class Tokens {
public:
  Tokens(ExtractContext &X, SourceLocation At) : X(X), At(At) {}
  std::optional<Token> next() {
    std::optional<Token> T = Lexer::findNextToken(At, X.sm(), X.ast().getLangOpts());
    if (T)
      At = T->getLocation();
    return T;
  }
  std::string text(const Token &T) {
    return Lexer::getSpelling(T, X.sm(), X.ast().getLangOpts());
  }

private:
  ExtractContext &X;
  SourceLocation At;
};

} // namespace

void missingCallbacksMember(ExtractContext &X, SourceLocation Where,
                            bool Assignment, std::vector<ObjectCallback> &Out) {
  CallbackSpelling Spelling =
      Assignment ? CallbackSpelling::Assignment : CallbackSpelling::Initializer;
  Where = X.sm().getFileLoc(Where);
  auto Add = [&](Role Kind, const std::string &Fn, SourceLocation L) {
    if (Fn == "NULL" || Fn == "0")
      return;
    ObjectCallback OC{Spelling, Kind, Fn, "", false, "", X.loc(L), Loc()};
    OC.MissingMember = true;
    Out.push_back(OC);
  };
  Tokens T(X, Where);
  std::optional<Token> After = T.next();
  if (!After)
    return;
  // ".callbacks.pre_patch = fn" / "->callbacks.pre_patch = fn"
  if (After->is(tok::period)) {
    std::optional<Token> Member = T.next(), Eq = T.next(), Value = T.next();
    if (Value && Value->is(tok::amp))
      Value = T.next();
    if (Member && Eq && Eq->is(tok::equal) && Value)
      if (std::optional<Role> Kind = objectRole(T.text(*Member)))
        Add(*Kind, T.text(*Value), Value->getLocation());
    return;
  }
  if (!After->is(tok::equal))
    return;
  std::optional<Token> Open = T.next();
  if (!Open)
    return;
  if (!Open->is(tok::l_brace)) {
    // A whole struct copied in: its contents are not visible here.
    Add(Role::PrePatch, "", Where);
    return;
  }
  // "= { .pre_patch = fn, ... }" or "= { fn, fn, ... }" (struct order).
  static const Role Order[] = {Role::PrePatch, Role::PostPatch,
                               Role::PreUnpatch, Role::PostUnpatch};
  unsigned Position = 0;
  for (int Guard = 0; Guard < 64; ++Guard) {
    std::optional<Token> Tok = T.next();
    if (!Tok || Tok->is(tok::r_brace) || Tok->is(tok::eof))
      return;
    if (Tok->is(tok::comma))
      continue;
    std::optional<Role> Kind;
    SourceLocation At = Tok->getLocation();
    if (Tok->is(tok::period)) {
      std::optional<Token> Member = T.next(), Eq = T.next();
      if (!Member || !Eq || !Eq->is(tok::equal))
        return;
      Kind = objectRole(T.text(*Member));
      Tok = T.next();
    } else if (Position < 4) {
      Kind = Order[Position];
    }
    ++Position;
    if (Tok && Tok->is(tok::amp))
      Tok = T.next();
    if (!Tok)
      return;
    At = Tok->getLocation();
    if (Kind && (Tok->is(tok::raw_identifier) || Tok->is(tok::identifier) ||
                 Tok->is(tok::numeric_constant)))
      Add(*Kind, T.text(*Tok), At);
  }
}

std::unique_ptr<FactFamily> makeObjectCallbacksFamily() {
  return std::make_unique<ObjectCallbacksFamily>();
}

} // namespace klp
