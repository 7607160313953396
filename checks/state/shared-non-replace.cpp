// SPDX-License-Identifier: GPL-2.0-only
//===- shared-non-replace.cpp - state-shared-non-replace --------------------===//
//
// State ids held by two or more non-replace modules of a product that a replace
// module lacks, so that the state and its shadow variables are never torn down.
//
// When a replace patch takes over from several patches that hold an id it
// lacks, each old patch sees the id in the other and takes it for shared:
// neither pre_unpatch nor post_unpatch nor the shadow free runs, and the
// state's changes and shadow variables outlive every patch that knew them
// (docs/semantics.md#sibling-leak, DER-6; automated review, 14 May 2026).
// Two non-replace modules holding the id are what can be loaded together,
// so a product with such a pair and a replace module without the id is
// flagged at the replace module's patch, where keeping the id is the fix.
//
//===----------------------------------------------------------------------===//

#include "check/ProductCheck.h"

#include <fmt/format.h>
#include <llvm/ADT/StringExtras.h>

#include <map>

namespace klp::checks {

namespace {

class StateSharedNonReplaceCheck : public ProductCheck {
public:
  using ProductCheck::ProductCheck;
  void checkProduct(const ProductModel &P,
                    std::vector<Finding> &Out) const override;
};

void StateSharedNonReplaceCheck::checkProduct(const ProductModel &P,
                                              std::vector<Finding> &Out) const {
  std::vector<const ProductModule *> Modules = judged(P);
  // The non-replace holders of each id, in release order.
  std::map<uint64_t, std::vector<std::pair<const ProductModule *,
                                           const ProductState *>>>
      Holders;
  for (const ProductModule *M : Modules)
    if (!M->Replace)
      for (const ProductState &S : M->States)
        if (S.Id.known() && M->state(*S.Id.Value) == &S)
          Holders[*S.Id.Value].push_back({M, &S});
  for (const ProductModule *R : Modules) {
    if (!R->Replace)
      continue;
    for (const auto &[Id, Hs] : Holders) {
      if (Hs.size() < 2 || R->state(Id))
        continue;
      std::vector<std::string> Names;
      for (const auto &H : Hs)
        Names.push_back(describe(*H.first));
      Finding F = finding(
          R->PatchWhere,
          fmt::format("replace patch of {} has no state {}, which the "
                      "non-replace patches {} all hold: loaded over them it "
                      "drops the state without any teardown, since each of "
                      "them sees the state in another; its pre_unpatch, "
                      "post_unpatch and shadow free never run and its shadow "
                      "variables are never freed",
                      describe(*R), Hs.front().second->Id.describe(),
                      llvm::join(Names, ", ")));
      for (const auto &[M, S] : Hs)
        F.Notes.push_back({where(*M, *S),
                           fmt::format("state {} of {} is declared here",
                                       S->Id.describe(), describe(*M))});
      Out.push_back(std::move(F));
    }
  }
}

} // namespace

KLP_REGISTER_CHECK(StateSharedNonReplaceCheck)

} // namespace klp::checks
