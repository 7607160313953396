// SPDX-License-Identifier: GPL-2.0-only
//===- replace-drops-blocked.cpp - state-replace-drops-blocked --------------===//
//
// Replace modules of a product that lack a state another module marks
// block_disable, so that klp_enable_patch() refuses them with -EINVAL when
// loaded over it.
//
// The compatibility check of klp_enable_patch() refuses a replace patch that
// lacks a state some installed patch marks block_disable: "Livepatch patch
// (P) is not compatible with the already installed livepatches.", -EINVAL
// ([PATCH v1 04/19], 15 Jan 2025; docs/semantics.md#block-disable, ST-4).
// Once a release introduces such a state, every later replace release has to
// carry the id (with the flag set the block stays, cleared it is lifted);
// one that drops it cannot be installed over that release, an upgrade that
// fails on every machine running it.
//
//===----------------------------------------------------------------------===//

#include "check/ProductCheck.h"

#include <fmt/format.h>

#include <set>

namespace klp::checks {

namespace {

class StateReplaceDropsBlockedCheck : public ProductCheck {
public:
  using ProductCheck::ProductCheck;
  void checkProduct(const ProductModel &P,
                    std::vector<Finding> &Out) const override;
};

void StateReplaceDropsBlockedCheck::checkProduct(const ProductModel &P,
                                                 std::vector<Finding> &Out) const {
  std::vector<const ProductModule *> Modules = judged(P);
  for (const ProductModule *R : Modules) {
    if (!R->Replace)
      continue;
    std::set<uint64_t> Reported;
    for (const ProductModule *B : Modules) {
      if (B == R)
        continue;
      for (const ProductState &S : B->States) {
        if (!S.Id.known() || S.BlockDisable != Flag::True ||
            R->state(*S.Id.Value) || !Reported.insert(*S.Id.Value).second)
          continue;
        Finding F = finding(
            R->PatchWhere,
            fmt::format("replace patch of {} has no state {}, which {} marks "
                        "block_disable: loaded over {}, klp_enable_patch() "
                        "refuses it with -EINVAL (not compatible with the "
                        "already installed livepatches); keep the state, "
                        "with block_disable cleared to lift the block",
                        describe(*R), S.Id.describe(), describe(*B),
                        describe(*B)));
        F.Notes.push_back(
            {where(*B, S), fmt::format("state {} of {} has block_disable",
                                       S.Id.describe(), describe(*B))});
        Out.push_back(std::move(F));
      }
    }
  }
}

} // namespace

KLP_REGISTER_CHECK(StateReplaceDropsBlockedCheck)

} // namespace klp::checks
