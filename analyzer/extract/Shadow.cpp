//===- Shadow.cpp - Shadow variable API calls -----------------------------===//
//
// Every call of the core's shadow API with its folded id. When the id is a
// parameter of the livepatch's own helper, the id is folded at each call
// site of the helper instead (followed through nested helpers), and the call
// is recorded there "through '<helper>'".
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
    unsigned Idx = *Api == ShadowApi::FreeAll ? 0 : 1;
    if (CE->getNumArgs() <= Idx)
      return;
    const Expr *Arg = CE->getArg(Idx);
    if (const ParmVarDecl *P = paramOf(Arg, Fn)) {
      // The id comes from the caller: fold it at each call site instead.
      Helpers.push_back({Fn->getCanonicalDecl(), P->getFunctionScopeIndex(), *Api});
      return;
    }
    Calls.push_back({*Api, X.foldId(Arg), X.loc(CE->getBeginLoc()), "",
                     Fn ? Fn->getName().str() : ""});
  }

  void finish(ExtractContext &X, TUFacts &Out) override {
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
          Helpers.push_back(
              {C.Caller->getCanonicalDecl(), P->getFunctionScopeIndex(), H.Api});
          continue;
        }
        // A constant, or the id of the caller's own state (a callback
        // passing state->id on); anything else takes no part in matching.
        IdValue Id = X.foldId(Arg, C.Caller);
        if (!Id.known() && !Id.ofCallbackState())
          continue;
        Calls.push_back({H.Api, Id, X.loc(C.CE->getBeginLoc()),
                         H.Fn->getName().str(), C.Caller->getName().str()});
      }
    }
    Out.ShadowCalls = std::move(Calls);
  }

private:
  struct Helper {
    const FunctionDecl *Fn;
    unsigned Param;
    ShadowApi Api;
  };

  std::vector<Helper> Helpers;
  std::vector<ShadowCall> Calls;
};

} // namespace

std::unique_ptr<FactFamily> makeShadowFamily() {
  return std::make_unique<ShadowFamily>();
}

} // namespace klp
