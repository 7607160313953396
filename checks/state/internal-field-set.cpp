// SPDX-License-Identifier: GPL-2.0-only
//===- internal-field-set.cpp - state-internal-field-set ------------------===//
//
// Patches that set the core's internal flags pre_patch_succeeded,
// setup_succeeded or post_unpatch_enabled themselves.
//
// The core records in these members which states (C: pre_patch_succeeded,
// B: setup_succeeded) or objects (A: post_unpatch_enabled) passed their
// pre_patch step, and runs post_unpatch and the shadow free only for those
// (docs/semantics.md#rule-state-internal-field-set). A patch that presets the
// flag to true makes the core tear down what never was set up: when an
// earlier state's (or object's) pre_patch fails, the cancel runs this one's
// post_unpatch and frees its shadow variables although its pre_patch never
// ran (a variant of DER-7). A patch that changes the flag at run time
// decides the same against the core's own record. Flagged: a non-zero
// value in an initializer (false is what the core starts from anyway) and
// every assignment, decided by the record, never by the member name.
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"
#include "extract/FieldUses.h"

#include <fmt/format.h>

namespace klp::checks {

namespace {

class StateInternalFieldSetCheck : public Check {
public:
  using Check::Check;
  std::unique_ptr<FactExtractor> extractor() const override {
    return makeFieldUseExtractor(
        {{KlpRecord::StateCallbacks, "pre_patch_succeeded"},
         {KlpRecord::StateCallbacks, "setup_succeeded"},
         {KlpRecord::ObjectCallbacks, "post_unpatch_enabled"}});
  }

  void check(const ModuleModel &M, std::vector<Finding> &Out) const override {
    for (const TUFacts &TU : M.TUs) {
      if (TU.GeneratedPatch)
        continue; // its states never reach a klp_patch
      for (const FieldUse &U : own<FieldUses>(TU)) {
        if (U.Access == FieldAccess::Read ||
            (U.Access == FieldAccess::Initializer && U.Zero))
          continue;
        Out.push_back(finding(U.Where, message(U)));
      }
    }
  }

private:
  static std::string message(const FieldUse &U) {
    bool Object = U.Record == KlpRecord::ObjectCallbacks;
    std::string Who =
        Object ? std::string("this object")
        : U.StateId.known() || !U.StateId.Spelling.empty()
            ? fmt::format("state {}", U.StateId.describe())
            : std::string("this state");
    std::string Runs =
        Object ? "post_unpatch" : "post_unpatch and the shadow free";
    if (U.Access == FieldAccess::Write && U.Zero)
      return fmt::format(
          "'{}' is cleared: the core records in it that {}'s pre_patch step "
          "passed and runs {} only then; cleared by the patch, the removal "
          "of the {} runs neither although its pre_patch ran",
          U.Field, Who, Runs, Object ? "object" : "state");
    return fmt::format(
        "'{}' is {}: the core records in it that {}'s pre_patch step passed "
        "and runs {} only then; set by the patch, a failed pre_patch of an "
        "earlier {} makes the core run {}'s post_unpatch{} although its own "
        "pre_patch never ran",
        U.Field, U.Access == FieldAccess::Initializer ? "preset" : "assigned",
        Who, Runs, Object ? "object" : "state", Who,
        Object ? "" : " and free its shadow variables");
  }
};

} // namespace

KLP_REGISTER_CHECK(StateInternalFieldSetCheck)

} // namespace klp::checks
