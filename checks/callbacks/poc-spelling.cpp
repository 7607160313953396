// SPDX-License-Identifier: GPL-2.0-only
//===- poc-spelling.cpp - callbacks-poc-spelling --------------------------===//
//
// POC (generation B) names of per-state callbacks (setup, enable, disable,
// release) that generation C spells pre_patch, post_patch, pre_unpatch and
// post_unpatch.
//
// The roles are the same (docs/semantics.md#role-mapping); only the names
// differ, so the fix is a rename of each designator or member access. It has
// no effect at run time: the point is that C headers do not have these
// members. The facts are this check's own: B member names written in a
// designator or a member access of struct klp_state_callbacks.
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"
#include "extract/Context.h"
#include "extract/Extractor.h"

#include <clang/AST/Expr.h>
#include <fmt/format.h>

namespace klp::checks {

namespace {

struct PocSpelling {
  Loc Where;         ///< the name itself
  std::string Name;  ///< "setup"
  std::string CName; ///< "pre_patch"
};

template <class M> void mapFields(M &&Map, PocSpelling &P) {
  Map("where", P.Where);
  Map("name", P.Name);
  Map("c_name", P.CName);
}
KLP_JSON_MAPPED(PocSpelling)

using Facts = std::vector<PocSpelling>;

class Extractor : public FactExtractor {
public:
  void onDesignator(const clang::DesignatedInitExpr *DIE,
                    ExtractContext &X) override {
    for (const clang::DesignatedInitExpr::Designator &D : DIE->designators())
      if (D.isFieldDesignator())
        spelling(D.getFieldDecl(), D.getFieldLoc(), X);
  }
  void onMember(const clang::MemberExpr *ME, ExtractContext &X) override {
    spelling(llvm::dyn_cast<clang::FieldDecl>(ME->getMemberDecl()),
             ME->getMemberLoc(), X);
  }
  llvm::json::Value finish(ExtractContext &) override { return Found; }

private:
  void spelling(const clang::FieldDecl *F, clang::SourceLocation NameLoc,
                ExtractContext &X) {
    if (!F || !X.records().is(F->getParent(), X.records().StateCallbacks))
      return;
    static const std::pair<const char *, const char *> Names[] = {
        {"setup", "pre_patch"},     {"enable", "post_patch"},
        {"disable", "pre_unpatch"}, {"release", "post_unpatch"},
        {"setup_succeeded", "pre_patch_succeeded"}};
    for (auto [B, C] : Names)
      if (F->getName() == B && NameLoc.isFileID())
        Found.push_back({X.loc(NameLoc), B, C});
  }
  Facts Found;
};

class CallbacksPocSpellingCheck : public Check {
public:
  using Check::Check;
  std::unique_ptr<FactExtractor> extractor() const override {
    return std::make_unique<Extractor>();
  }
  void check(const ModuleModel &M, std::vector<Finding> &Out) const override {
    for (const TUFacts &TU : M.TUs)
      for (const PocSpelling &P : own<Facts>(TU)) {
        Finding F = finding(
            P.Where,
            fmt::format("'{}' is the POC (generation B) name of this struct "
                        "klp_state_callbacks member; generation C calls it "
                        "'{}'",
                        P.Name, P.CName));
        F.Fixes.push_back(
            {P.Where, static_cast<unsigned>(P.Name.size()), P.CName});
        Out.push_back(std::move(F));
      }
  }
};

} // namespace

KLP_REGISTER_CHECK(CallbacksPocSpellingCheck)

} // namespace klp::checks
