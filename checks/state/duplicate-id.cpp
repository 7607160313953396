// SPDX-License-Identifier: GPL-2.0-only
//===- duplicate-id.cpp - state-duplicate-id ------------------------------===//
//
// The same state id twice in one states[] array, whose callbacks then run
// once per copy.
//
// The core walks states[] element by element and looks a state up by its id
// (docs/semantics.md#rule-state-duplicate-id): each copy's callbacks run, in
// array order, and when the states are removed the first is_shadow copy
// frees every shadow variable of the id with its own shadow_dtor, so a later
// copy's destructor never runs (DER-8). klp_get_state() and every
// compatibility check only ever see the first copy. The author of the v1
// series meant its next revision to warn about this. Judged on the shared
// states (initializers, run-time assignments, helpers that fill the state
// they are given), per array, on ids that fold to a constant other than 0.
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"

#include <fmt/format.h>

#include <map>
#include <tuple>

namespace klp::checks {

namespace {

class StateDuplicateIdCheck : public Check {
public:
  using Check::Check;

  void check(const ModuleModel &M, std::vector<Finding> &Out) const override {
    Generation G = M.generation();
    // (TU, array, id) -> the first state with that id.
    std::map<std::tuple<unsigned, std::string, uint64_t>, const State *> First;
    for (const State *S : M.states()) {
      // A generated patch's sources declare states it never refers to.
      if (!S->Id.known() || *S->Id.Value == 0 ||
          M.TUs[M.tuOf(S)].GeneratedPatch)
        continue;
      auto [It, New] =
          First.insert({{M.tuOf(S), S->Array, *S->Id.Value}, S});
      if (New)
        continue;
      const State &Was = *It->second;
      Finding F = finding(
          S->Where,
          fmt::format("state id {} appears again in '{}': {}", S->Id.describe(),
                      S->Array, harm(G)));
      F.Notes.push_back({Was.Where, fmt::format("the first state with id {} "
                                                "is here",
                                                Was.Id.describe())});
      Out.push_back(std::move(F));
    }
  }

private:
  /// What the copy does under the kernel of \p G.
  static std::string harm(Generation G) {
    if (G == Generation::A)
      return "klp_get_state() and the version check of every later patch "
             "see only the first copy, so this one's version and data are "
             "never looked at";
    return "the core runs each copy's callbacks, so they run once per copy, "
           "and only the first is_shadow copy's shadow_dtor frees the id's "
           "shadow variables; klp_get_state() finds only the first";
  }
};

} // namespace

KLP_REGISTER_CHECK(StateDuplicateIdCheck)

} // namespace klp::checks
