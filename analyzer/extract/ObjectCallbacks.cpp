//===- ObjectCallbacks.cpp - Per-object callback registrations ------------===//
//
// The four spellings of a per-object callback (callbacks-per-object): a
// struct klp_object initializer's callbacks member, an assignment to it,
// kpatch's KPATCH_*_CALLBACK and klp-build's KLP_*_CALLBACK macros.
//
//===----------------------------------------------------------------------===//

#include "extract/Context.h"
#include "extract/Families.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
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
                                    std::optional<int64_t>) {
        if (X.records().is(RD, X.records().Object))
          objectInit(X, ILE);
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
    if (Path.size() == 1) {
      addObjectCallbacks(X, BO->getRHS(), CallbackSpelling::Assignment, "",
                         Loc());
      return;
    }
    std::optional<Role> Kind = objectRole(Path[1]->getName());
    CallbackRef CB = X.callbackRef(BO->getRHS());
    if (!Kind || !CB.Present)
      return;
    Walked.push_back({CallbackSpelling::Assignment, *Kind, CB.Function, "",
                      false, "", X.loc(BO->getBeginLoc()), Loc()});
  }

  void finish(ExtractContext &X, TUFacts &Out) override {
    for (const MacroUse &M : Macros) {
      if (!X.isOwn(M.Where))
        continue;
      Out.ObjectCallbacks.push_back({M.Spelling->Spelling, M.Spelling->Kind,
                                     M.Function, "", false, M.Spelling->Name,
                                     X.loc(M.Where), Loc()});
    }
    Out.ObjectCallbacks.insert(Out.ObjectCallbacks.end(), Walked.begin(),
                               Walked.end());
  }

private:
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

  void objectInit(ExtractContext &X, const InitListExpr *ILE) {
    const KlpRecords &R = X.records();
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
                         NameLoc);
  }

  /// Record each non-null function of a struct klp_callbacks value.
  void addObjectCallbacks(ExtractContext &X, const Expr *E,
                          CallbackSpelling Spelling, const std::string &Name,
                          const Loc &NameLoc) {
    const Expr *Bare = E->IgnoreParenImpCasts();
    if (const auto *CL = dyn_cast<CompoundLiteralExpr>(Bare))
      Bare = CL->getInitializer();
    const auto *ILE = dyn_cast<InitListExpr>(Bare);
    if (!ILE) {
      // A whole struct copied in: its contents are not visible here.
      Walked.push_back({Spelling, Role::PrePatch, "", Name,
                        isModuleObject(Name), "", X.loc(E->getBeginLoc()),
                        NameLoc});
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
      Walked.push_back({Spelling, *Kind, CB.Function, Name,
                        isModuleObject(Name), "", CB.Where, NameLoc});
    }
  }

  std::vector<MacroUse> Macros;
  std::vector<ObjectCallback> Walked;
};

} // namespace

std::unique_ptr<FactFamily> makeObjectCallbacksFamily() {
  return std::make_unique<ObjectCallbacksFamily>();
}

} // namespace klp
