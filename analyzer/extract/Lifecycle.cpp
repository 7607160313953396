// SPDX-License-Identifier: GPL-2.0-only
//===- Lifecycle.cpp - The module's own entry points ----------------------===//
//
// module_init(fn) and module_exit(fn) as written (the kernel's macros expand
// to aliases, kernel-support's to constants: the macro is what both have in
// common), init_module()/cleanup_module() defined by hand, and the
// notifier_call of every struct notifier_block the module passes to
// register_module_notifier(), from its initializer or an assignment.
//
//===----------------------------------------------------------------------===//

#include "extract/Context.h"
#include "extract/Families.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/Lex/MacroArgs.h>
#include <clang/Lex/Preprocessor.h>

#include <map>

using namespace clang;

namespace klp {

namespace {

class LifecycleFamily : public FactFamily {
public:
  bool wantsMacro(llvm::StringRef Name) const override {
    return Name == "module_init" || Name == "module_exit";
  }

  void onMacro(llvm::StringRef Name, const MacroArgs *Args,
               const SourceRange &Range, ExtractContext &X) override {
    if (!Args || Args->getNumMacroArguments() != 1)
      return;
    std::string Fn;
    for (const Token *T = Args->getUnexpArgument(0); T->isNot(tok::eof); ++T)
      Fn += X.pp().getSpelling(*T);
    if (Fn.empty())
      return;
    Macros.push_back({Name == "module_init" ? LifecycleKind::Init
                                            : LifecycleKind::Exit,
                      Fn, Range.getBegin()});
  }

  void onFunction(const FunctionDecl *FD, ExtractContext &X) override {
    // The entry points by their own names, without the macros.
    llvm::StringRef N = FD->getName();
    if (N == "init_module" || N == "cleanup_module")
      Out.push_back({N == "init_module" ? LifecycleKind::Init
                                        : LifecycleKind::Exit,
                     N.str(), X.loc(FD->getLocation())});
  }

  void onCall(const CallExpr *CE, ExtractContext &X) override {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!FD || FD->getName() != "register_module_notifier" ||
        CE->getNumArgs() != 1)
      return;
    const Expr *Arg = CE->getArg(0)->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(Arg))
      if (UO->getOpcode() == UO_AddrOf)
        Arg = UO->getSubExpr()->IgnoreParenImpCasts();
    const auto *DRE = dyn_cast<DeclRefExpr>(Arg);
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (VD && isNotifierBlock(VD->getType()))
      Registered.push_back({VD->getCanonicalDecl(), X.loc(CE->getBeginLoc())});
  }

  void onAssign(const BinaryOperator *BO, ExtractContext &X) override {
    // nb.notifier_call = fn, in the module's init for example.
    if (BO->getOpcode() != BO_Assign)
      return;
    std::vector<const FieldDecl *> Path;
    const VarDecl *VD = baseVar(memberPath(BO->getLHS(), Path));
    if (!VD || Path.size() != 1 || Path[0]->getName() != "notifier_call" ||
        !isNotifierBlock(VD->getType()))
      return;
    CallbackRef CB = X.callbackRef(BO->getRHS());
    if (CB.Present && !CB.Function.empty())
      Assigned[VD->getCanonicalDecl()].push_back(CB.Function);
  }

  void finish(ExtractContext &X, TUFacts &Facts) override {
    for (const MacroUse &M : Macros)
      if (X.isOwn(M.Where))
        Out.push_back({M.Kind, M.Function, X.loc(M.Where)});
    for (const auto &[VD, Where] : Registered) {
      std::vector<std::string> Fns = Assigned[VD];
      const VarDecl *Def = nullptr;
      if (const Expr *Init = VD->getAnyInitializer(Def))
        X.forEachRecordInit(Init, [&](const InitListExpr *ILE,
                                      const RecordDecl *RD,
                                      std::optional<int64_t>) {
          for (const FieldDecl *F : RD->fields())
            if (F->getName() == "notifier_call") {
              CallbackRef CB = X.callbackRef(fieldInit(ILE, F));
              if (CB.Present && !CB.Function.empty())
                Fns.push_back(CB.Function);
            }
        });
      for (const std::string &Fn : Fns)
        Out.push_back({LifecycleKind::ModuleNotifier, Fn, Where});
    }
    Facts.Lifecycle = std::move(Out);
  }

private:
  static bool isNotifierBlock(QualType T) {
    const RecordDecl *RD = recordOf(T);
    return RD && RD->getName() == "notifier_block";
  }

  struct MacroUse {
    LifecycleKind Kind;
    std::string Function;
    SourceLocation Where;
  };

  std::vector<MacroUse> Macros;
  std::vector<std::pair<const VarDecl *, Loc>> Registered;
  std::map<const VarDecl *, std::vector<std::string>> Assigned;
  std::vector<LifecycleHook> Out;
};

} // namespace

std::unique_ptr<FactFamily> makeLifecycleFamily() {
  return std::make_unique<LifecycleFamily>();
}

} // namespace klp
