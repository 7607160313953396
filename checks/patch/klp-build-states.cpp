// SPDX-License-Identifier: GPL-2.0-only
//===- klp-build-states.cpp - patch-klp-build-states ----------------------===//
//
// klp-build style files that define struct klp_state data or look states up,
// although klp-build never sets patch->states.
//
// klp-build (Linux 6.19) writes the module's struct klp_patch itself, in
// scripts/livepatch/init.c, which fills objs and replace and carries
// "TODO patch->states": a klp-build livepatch has no states
// (docs/semantics.md#rule-patch-klp-build-states). States its sources
// define are never attached: no state of the patch takes part in the
// compatibility check (the version rule of generation A), none would ever
// get a callback or a shadow free (the CB-1 story without a single state
// event), and klp_get_state() / klp_get_prev_state() find nothing of it. A file is in klp-build
// style when it includes linux/livepatch_helpers.h or uses a
// KLP_*_CALLBACK macro and defines no struct klp_patch of its own. The
// facts are this check's own: whether the file includes the helpers, the
// struct klp_state variables it defines and its calls of the core's state
// lookups (a function of the file's own with the same name is not one).
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"
#include "extract/Context.h"
#include "extract/Extractor.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/Lex/Preprocessor.h>
#include <fmt/format.h>

namespace klp::checks {

namespace {

struct StateUse {
  std::string Name; ///< the variable, or the lookup called
  bool Lookup = false;
  Loc Where;
};

template <class M> void mapFields(M &&Map, StateUse &U) {
  Map("name", U.Name);
  Map("lookup", U.Lookup);
  Map("where", U.Where);
}
KLP_JSON_MAPPED(StateUse)

struct Facts {
  bool Helpers = false; ///< linux/livepatch_helpers.h is included
  std::vector<StateUse> Uses;
};

template <class M> void mapFields(M &&Map, Facts &F) {
  Map("helpers", F.Helpers);
  Map("uses", F.Uses);
}
KLP_JSON_MAPPED(Facts)

class Extractor : public FactExtractor {
public:
  void onVar(const clang::VarDecl *VD, ExtractContext &X) override {
    if (VD->isThisDeclarationADefinition() == clang::VarDecl::DeclarationOnly ||
        !VD->hasGlobalStorage())
      return;
    clang::QualType T = VD->getType();
    while (const clang::ArrayType *AT = X.ast().getAsArrayType(T))
      T = AT->getElementType();
    if (X.records().is(recordOf(T), X.records().State))
      Found.Uses.push_back({VD->getName().str(), false, X.loc(VD->getLocation())});
  }

  void onCall(const clang::CallExpr *CE, ExtractContext &X) override {
    const clang::FunctionDecl *FD = CE->getDirectCallee();
    if (!FD || definedInOwnFiles(FD, X))
      return;
    llvm::StringRef N = FD->getName();
    bool Lookup = (N == "klp_get_state" && FD->getNumParams() == 2) ||
                  (N == "klp_get_prev_state" && FD->getNumParams() == 1);
    if (Lookup && isStatePointer(FD->getReturnType(), X.records()))
      Found.Uses.push_back({N.str(), true, X.loc(CE->getBeginLoc())});
  }

  llvm::json::Value finish(ExtractContext &X) override {
    // By its include guard, as TUFacts::GeneratedPatch does (also when the
    // header comes from a preamble PCH).
    Found.Helpers = X.pp().isMacroDefined("_LINUX_LIVEPATCH_HELPERS_H");
    return toJSON(Found);
  }

private:
  Facts Found;
};

class PatchKlpBuildStatesCheck : public Check {
public:
  using Check::Check;
  std::unique_ptr<FactExtractor> extractor() const override {
    return std::make_unique<Extractor>();
  }
  void check(const ModuleModel &M, std::vector<Finding> &Out) const override {
    for (const TUFacts &TU : M.TUs) {
      Facts F = own<Facts>(TU);
      if (!TU.Patches.empty() || F.Uses.empty())
        continue; // it writes its own struct klp_patch
      bool Macros = false;
      for (const ObjectCallback &CB : TU.ObjectCallbacks)
        Macros |= CB.Spelling == CallbackSpelling::KlpMacro;
      if (!F.Helpers && !Macros)
        continue;
      std::string Style = F.Helpers ? "includes linux/livepatch_helpers.h"
                                    : "uses klp-build's KLP_*_CALLBACK macros";
      for (const StateUse &U : F.Uses)
        Out.push_back(finding(
            U.Where,
            U.Lookup
                ? fmt::format("{}() in a klp-build style file (it {} and "
                              "defines no struct klp_patch): klp-build never "
                              "sets patch->states, so no state of this patch "
                              "is ever found",
                              U.Name, Style)
                : fmt::format("struct klp_state '{}' in a klp-build style "
                              "file (it {} and defines no struct klp_patch): "
                              "klp-build never sets patch->states, so this "
                              "state is never the patch's: its version takes "
                              "no part in the compatibility check, and "
                              "klp_get_state() and klp_get_prev_state() never "
                              "return it",
                              U.Name, Style)));
    }
  }
};

} // namespace

KLP_REGISTER_CHECK(PatchKlpBuildStatesCheck)

} // namespace klp::checks
