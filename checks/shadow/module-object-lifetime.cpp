// SPDX-License-Identifier: GPL-2.0-only
//===- module-object-lifetime.cpp - shadow-module-object-lifetime ----------===//
//
// Shadow variables allocated by the replacement of a module's function when
// no module notifier frees them as the module goes.
//
// A replacement function of a klp_object with a name patches a module, and
// the objects it attaches shadow variables to are usually that module's.
// When the module goes, no state callback runs and no shadow variable is
// freed (docs/semantics.md#target-modules): the variables stay, and once
// the module is loaded again with objects at the same addresses,
// klp_shadow_alloc() warns "Duplicate shadow variable" and returns NULL, or
// klp_shadow_get() returns stale data (DER-12,
// docs/semantics.md#rule-shadow-module-object-lifetime). A module notifier
// (register_module_notifier()) is where the livepatch can free them; a
// livepatch that registers one is not reported. Under generation A's own
// semantics the object's per-object pre_unpatch/post_unpatch also run when
// the module goes (LEG-3), so a free of the id reached from them counts too.
// In every generation, a free of the id reached from a replacement function
// of the same object counts as well: the module's own teardown of its
// objects (its exit path, its release functions) calls the function that
// the livepatch replaced, so the replacement frees the variables as the
// objects go (samples/livepatch/livepatch-shadow-fix1.c replaces the
// target's dummy_free()).
// The facts are this check's own: the replacement functions (new_func) of
// each object with a name, from the klp_object and klp_func initializers.
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"
#include "extract/Context.h"
#include "extract/Extractor.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <fmt/format.h>

#include <map>
#include <set>

namespace klp::checks {

namespace {

/// A replacement function of a module's object.
struct Replacement {
  std::string Object;  ///< the module's name
  std::string NewFunc; ///< the replacement
  Loc Where;           ///< the object's initializer
};

template <class M> void mapFields(M &&Map, Replacement &R) {
  Map("object", R.Object);
  Map("new_func", R.NewFunc);
  Map("where", R.Where);
}
KLP_JSON_MAPPED(Replacement)

using Facts = std::vector<Replacement>;

/// The function \p E names ("fn", "&fn", a cast of either).
std::string functionName(const clang::Expr *E) {
  if (!E)
    return "";
  E = E->IgnoreParenCasts();
  if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(E))
    if (UO->getOpcode() == clang::UO_AddrOf)
      E = UO->getSubExpr()->IgnoreParenCasts();
  const auto *DRE = llvm::dyn_cast<clang::DeclRefExpr>(E);
  return DRE && llvm::isa<clang::FunctionDecl>(DRE->getDecl())
             ? DRE->getDecl()->getName().str()
             : "";
}

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
      if (R.is(RD, R.Func))
        funcInit(ILE, VD, X);
      else if (R.is(RD, R.Object))
        objectInit(ILE, X);
    });
  }

  llvm::json::Value finish(ExtractContext &) override {
    Facts Out;
    for (const Object &O : Objects) {
      std::vector<std::string> Fns = O.Inline;
      if (auto It = Arrays.find(O.FuncsVar); !O.FuncsVar.empty() && It != Arrays.end())
        Fns.insert(Fns.end(), It->second.begin(), It->second.end());
      for (const std::string &Fn : Fns)
        Out.push_back({O.Name, Fn, O.Where});
    }
    return Out;
  }

private:
  struct Object {
    std::string Name;
    std::string FuncsVar;             ///< funcs = <array variable>
    std::vector<std::string> Inline;  ///< funcs = (struct klp_func[]){...}
    Loc Where;
  };

  void funcInit(const clang::InitListExpr *ILE, const clang::VarDecl *VD,
                ExtractContext &X) {
    for (const clang::FieldDecl *F : X.records().Func->fields())
      if (F->getName() == "new_func") {
        std::string Fn = functionName(fieldInit(ILE, F));
        if (Fn.empty())
          return;
        // Inside an object's compound literal the object records it.
        if (InObject)
          InObject->Inline.push_back(Fn);
        else
          Arrays[VD->getName().str()].push_back(Fn);
      }
  }

  void objectInit(const clang::InitListExpr *ILE, ExtractContext &X) {
    Object O;
    O.Where = X.loc(ILE->getBeginLoc());
    const clang::Expr *Funcs = nullptr;
    for (const clang::FieldDecl *F : X.records().Object->fields()) {
      const clang::Expr *E = fieldInit(ILE, F);
      if (F->getName() == "name" && E)
        if (const auto *S = llvm::dyn_cast<clang::StringLiteral>(
                E->IgnoreParenCasts()))
          O.Name = S->getString().str();
      if (F->getName() == "funcs")
        Funcs = E;
    }
    // Only a named object other than vmlinux is a module's.
    if (O.Name.empty() || O.Name == "vmlinux" || !Funcs)
      return;
    const clang::Expr *E = Funcs->IgnoreParenCasts();
    if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(E))
      if (UO->getOpcode() == clang::UO_AddrOf)
        E = UO->getSubExpr()->IgnoreParenCasts();
    if (const auto *CL = llvm::dyn_cast<clang::CompoundLiteralExpr>(E)) {
      // The literal's klp_func initializers belong to this object.
      Object *Saved = InObject;
      InObject = &O;
      X.forEachRecordInit(CL->getInitializer(),
                          [&](const clang::InitListExpr *Sub,
                              const clang::RecordDecl *RD,
                              std::optional<int64_t>) {
                            if (X.records().is(RD, X.records().Func))
                              funcInit(Sub, nullptr, X);
                          });
      InObject = Saved;
    } else if (const clang::VarDecl *VD = baseVar(E)) {
      O.FuncsVar = VD->getName().str();
    }
    Objects.push_back(std::move(O));
  }

  std::map<std::string, std::vector<std::string>> Arrays;
  std::vector<Object> Objects;
  Object *InObject = nullptr;
};

class ShadowModuleObjectLifetimeCheck : public Check {
public:
  ShadowModuleObjectLifetimeCheck(const CheckInfo &Info,
                                  const CheckOptions &Options,
                                  const CheckContext &Context)
      : Check(Info, Options, Context),
        MaxDepth(Options.getUnsigned(Info.Name, "MaxDepth", 3)) {}

  std::vector<std::string> optionNames() const override { return {"MaxDepth"}; }
  std::unique_ptr<FactExtractor> extractor() const override {
    return std::make_unique<Extractor>();
  }

  void check(const ModuleModel &M, std::vector<Finding> &Out) const override {
    if (!M.isLivepatch())
      return; // module scope: not a livepatch (docs/semantics.md#rule-conventions)
    for (const TUFacts &TU : M.TUs)
      for (const LifecycleHook &H : TU.Lifecycle)
        if (H.Kind == LifecycleKind::ModuleNotifier)
          return; // where the module's going can free them
    std::set<std::pair<std::string, unsigned>> Reported; // file, offset
    for (unsigned T = 0; T < M.TUs.size(); ++T)
      for (const Replacement &R : own<Facts>(M.TUs[T]))
        if (std::optional<FunctionRef> F = M.function(R.NewFunc, T))
          replacement(M, R, *F, Reported, Out);
  }

private:
  void replacement(const ModuleModel &M, const Replacement &R,
                   FunctionRef F,
                   std::set<std::pair<std::string, unsigned>> &Reported,
                   std::vector<Finding> &Out) const {
    std::vector<Reached> Path = M.reach(F, MaxDepth);
    for (unsigned I = 0; I < Path.size(); ++I)
      for (const ShadowCall &C : M.TUs[Path[I].F.TU].ShadowCalls) {
        if ((C.Api != ShadowApi::Alloc && C.Api != ShadowApi::GetOrAlloc) ||
            C.Function != Path[I].F.Fn->Name)
          continue;
        if (C.Id.known() && freedWhenGoing(M, R.Object, *C.Id.Value))
          continue;
        if (!Reported.insert({C.Where.File, C.Where.Offset}).second)
          continue;
        std::string Chain =
            I == 0 ? ""
                   : fmt::format(" (call chain: {})",
                                 ModuleModel::pathTo(Path, I));
        Finding Fi = finding(
            C.Where,
            fmt::format("shadow variable id {} allocated by {}(){} in '{}', "
                        "the replacement of a function of module '{}'{}; the "
                        "livepatch registers no module notifier, so nothing "
                        "frees these variables when module '{}' goes: loaded "
                        "again, its objects get \"Duplicate shadow variable\" "
                        "or stale data",
                        C.Id.describe(), shadowApiName(C.Api),
                        C.Helper.empty()
                            ? ""
                            : fmt::format(" (through '{}')", C.Helper),
                        Path.front().F.Fn->Name, R.Object, Chain, R.Object));
        Fi.Notes.push_back(
            {R.Where, fmt::format("object '{}' is declared here", R.Object)});
        Out.push_back(std::move(Fi));
      }
  }

  /// The module's teardown of \p Object's objects frees \p Id: a
  /// replacement function of that object reaches a free of it, or, under
  /// generation A, one of its per-object pre_unpatch or post_unpatch (which
  /// run when the module goes).
  bool freedWhenGoing(const ModuleModel &M, const std::string &Object,
                      uint64_t Id) const {
    for (unsigned T = 0; T < M.TUs.size(); ++T) {
      for (const Replacement &R : own<Facts>(M.TUs[T]))
        if (R.Object == Object && frees(M, M.function(R.NewFunc, T), Id))
          return true;
      if (!judgedByA(M.generation()))
        continue;
      for (const ObjectCallback &CB : M.TUs[T].ObjectCallbacks)
        if (CB.Object == Object && !CB.Function.empty() &&
            (CB.Kind == Role::PreUnpatch || CB.Kind == Role::PostUnpatch) &&
            frees(M, M.function(CB.Function, T), Id))
          return true;
    }
    return false;
  }

  /// \p F, or a function it reaches, frees the variables of \p Id.
  bool frees(const ModuleModel &M, std::optional<FunctionRef> F,
             uint64_t Id) const {
    if (!F)
      return false;
    for (const FunctionRef &R : M.reachable(*F, MaxDepth))
      for (const ShadowCall &C : M.TUs[R.TU].ShadowCalls)
        if ((C.Api == ShadowApi::Free || C.Api == ShadowApi::FreeAll) &&
            C.Function == R.Fn->Name && C.Id.known() && *C.Id.Value == Id)
          return true;
    return false;
  }

  unsigned MaxDepth;
};

} // namespace

KLP_REGISTER_CHECK(ShadowModuleObjectLifetimeCheck)

} // namespace klp::checks
