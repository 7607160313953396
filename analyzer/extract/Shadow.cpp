// SPDX-License-Identifier: GPL-2.0-only
//===- Shadow.cpp - Shadow variable API calls -----------------------------===//
//
// Every call of the core's shadow API with its folded id. When the id is a
// parameter of the livepatch's own helper, the id is folded at each call
// site of the helper instead (followed through nested helpers), and the call
// is recorded there "through '<helper>'". The constructors and destructors
// passed to the API are recorded the same way: a function named as the
// argument, or, for a helper's parameter, at each call site of the helper.
//
//===----------------------------------------------------------------------===//

#include "extract/Context.h"
#include "extract/Families.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>

#include <map>
#include <set>

using namespace clang;

namespace klp {

namespace {

class ShadowFamily : public FactFamily {
public:
  void onCall(const CallExpr *CE, ExtractContext &X) override {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!FD)
      return;
    const FunctionDecl *Fn = X.function();
    std::optional<ShadowApi> Api = coreShadowApi(FD, X);
    if (!Api)
      return;
    callback(CE, *Api, Fn, X);
    unsigned Idx = *Api == ShadowApi::FreeAll ? 0 : 1;
    if (CE->getNumArgs() <= Idx)
      return;
    const Expr *Arg = CE->getArg(Idx);
    // The constructor or destructor, when the call names one (or NULL).
    std::string Callback;
    bool NoCallback = false;
    if (unsigned CB = callbackArg(*Api).first; CB < CE->getNumArgs()) {
      const Expr *E = CE->getArg(CB);
      if (const FunctionDecl *F = namedFunction(E))
        Callback = F->getName().str();
      NoCallback =
          E->isNullPointerConstant(X.ast(), Expr::NPC_ValueDependentIsNull);
    }
    if (const ParmVarDecl *P = paramOf(Arg, Fn)) {
      // The id comes from the caller: fold it at each call site instead.
      Helpers.push_back({Fn->getCanonicalDecl(), P->getFunctionScopeIndex(),
                         *Api, Callback, NoCallback});
      return;
    }
    Calls.push_back({*Api, X.foldId(Arg), X.loc(CE->getBeginLoc()), "",
                     Fn ? Fn->getName().str() : "", Callback, NoCallback});
  }

  void finish(ExtractContext &X, TUFacts &Out) override {
    finishCallbacks(X, Out);
    std::set<std::pair<const FunctionDecl *, unsigned>> Seen;
    for (size_t I = 0; I < Helpers.size(); ++I) {
      Helper H = Helpers[I];
      if (!Seen.insert({H.Fn, H.Param}).second)
        continue;
      for (const ExtractContext::CallSiteRef &C : X.callsTo(H.Fn)) {
        if (!C.Caller || C.CE->getNumArgs() <= H.Param)
          continue;
        const Expr *Arg = C.CE->getArg(H.Param);
        if (const ParmVarDecl *P = paramOf(Arg, C.Caller)) {
          Helpers.push_back({C.Caller->getCanonicalDecl(),
                             P->getFunctionScopeIndex(), H.Api, H.Callback,
                             H.NoCallback});
          continue;
        }
        // A constant, or the id of the caller's own state (a callback
        // passing state->id on); anything else takes no part in matching.
        IdValue Id = X.foldId(Arg, C.Caller);
        if (!Id.known() && !Id.ofCallbackState())
          continue;
        // A constructor or destructor the helper takes from its caller is
        // not followed here (ShadowCallbacks has it).
        Calls.push_back({H.Api, Id, X.loc(C.CE->getBeginLoc()),
                         H.Fn->getName().str(), C.Caller->getName().str(),
                         H.Callback, H.NoCallback});
      }
    }
    Out.ShadowCalls = std::move(Calls);
  }

private:
  /// Argument 5 of alloc/get_or_alloc (the constructor), 3 of free, 2 of
  /// free_all (the destructor).
  static std::pair<unsigned, ShadowCallbackKind> callbackArg(ShadowApi A) {
    switch (A) {
    case ShadowApi::Alloc:
    case ShadowApi::GetOrAlloc: return {4, ShadowCallbackKind::Ctor};
    case ShadowApi::Free: return {2, ShadowCallbackKind::Dtor};
    case ShadowApi::FreeAll: return {1, ShadowCallbackKind::Dtor};
    case ShadowApi::Get: break;
    }
    return {~0u, ShadowCallbackKind::Ctor};
  }

  /// The function \p E names ("fn", "&fn", a cast of either), if any.
  static const FunctionDecl *namedFunction(const Expr *E) {
    E = E->IgnoreParenCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      if (UO->getOpcode() == UO_AddrOf)
        E = UO->getSubExpr()->IgnoreParenCasts();
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    return DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
  }

  void callback(const CallExpr *CE, ShadowApi Api, const FunctionDecl *Fn,
                ExtractContext &X) {
    auto [Idx, Kind] = callbackArg(Api);
    if (Idx >= CE->getNumArgs())
      return;
    const Expr *Arg = CE->getArg(Idx);
    if (const ParmVarDecl *P = paramOf(Arg, Fn))
      CallbackHelpers.push_back(
          {Fn->getCanonicalDecl(), P->getFunctionScopeIndex(), Api, "", false});
    else if (const FunctionDecl *F = namedFunction(Arg))
      Callbacks.push_back(
          {Kind, F->getName().str(), Api, X.loc(Arg->getBeginLoc()), ""});
  }

  /// A helper's constructor or destructor parameter, at each call site.
  void finishCallbacks(ExtractContext &X, TUFacts &Out) {
    std::set<std::pair<const FunctionDecl *, unsigned>> Seen;
    for (size_t I = 0; I < CallbackHelpers.size(); ++I) {
      Helper H = CallbackHelpers[I];
      if (!Seen.insert({H.Fn, H.Param}).second)
        continue;
      for (const ExtractContext::CallSiteRef &C : X.callsTo(H.Fn)) {
        if (C.CE->getNumArgs() <= H.Param)
          continue;
        const Expr *Arg = C.CE->getArg(H.Param);
        if (const ParmVarDecl *P = paramOf(Arg, C.Caller))
          CallbackHelpers.push_back({C.Caller->getCanonicalDecl(),
                                     P->getFunctionScopeIndex(), H.Api, "",
                                     false});
        else if (const FunctionDecl *F = namedFunction(Arg))
          Callbacks.push_back({callbackArg(H.Api).second, F->getName().str(),
                               H.Api, X.loc(Arg->getBeginLoc()),
                               H.Fn->getName().str()});
      }
    }
    Out.ShadowCallbacks = std::move(Callbacks);
  }

  struct Helper {
    const FunctionDecl *Fn;
    unsigned Param;
    ShadowApi Api;
    /// What the API call inside the helper passes as its constructor or
    /// destructor, when that is not the caller's.
    std::string Callback = {};
    bool NoCallback = false;
  };

  std::vector<Helper> Helpers;
  std::vector<ShadowCall> Calls;
  std::vector<Helper> CallbackHelpers;
  std::vector<ShadowCallback> Callbacks;
};

} // namespace

std::unique_ptr<FactFamily> makeShadowFamily() {
  return std::make_unique<ShadowFamily>();
}

} // namespace klp
