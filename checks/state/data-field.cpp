// SPDX-License-Identifier: GPL-2.0-only
//===- data-field.cpp - state-data-field ----------------------------------===//
//
// Uses of the data member of struct klp_state, which v1 removes: state data
// belongs in a shadow variable with the state's id.
//
// "[PATCH v1 05/19] livepatch: Remove "data" from struct klp_state" drops
// the member (docs/semantics.md#rule-state-data-field): where it exists, each
// patch has its own copy, so after an atomic replace the new patch's data
// is its own initial value and whatever the old pointer owned is lost, unless
// the new patch takes it over. A shadow variable with the state's id lives
// on across the replace and is freed with an is_shadow state. Flagged: .data
// in a struct klp_state initializer, and every read or write of the member,
// also through klp_get_state() or klp_get_prev_state(); decided by the
// record, never by the member name. Generation A code judged by its own
// kernel (docs/semantics.md#rules-generation-a) uses the member as that
// kernel means it, with klp_get_prev_state() taking it over during a
// transition: one note per file says what a migration to v1 must change.
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"
#include "extract/FieldUses.h"

#include <fmt/format.h>

namespace klp::checks {

namespace {

class StateDataFieldCheck : public Check {
public:
  using Check::Check;
  std::unique_ptr<FactExtractor> extractor() const override {
    return makeFieldUseExtractor({{KlpRecord::State, "data"}});
  }

  void check(const ModuleModel &M, std::vector<Finding> &Out) const override {
    bool Native = judgedByA(M.generation());
    for (const TUFacts &TU : M.TUs) {
      if (TU.GeneratedPatch)
        continue; // its states never reach a klp_patch
      FieldUses Uses = own<FieldUses>(TU);
      if (Uses.empty())
        continue;
      if (Native) {
        Finding F = finding(
            Uses.front().Where,
            fmt::format("struct klp_state's data member is used here{}: on "
                        "this kernel each patch has its own copy, which a "
                        "replacing patch must take over through "
                        "klp_get_prev_state() while the transition runs; v1 "
                        "removes the member, so a migration keeps the "
                        "state's data in a shadow variable with the state's "
                        "id",
                        Uses.size() == 1
                            ? std::string()
                            : fmt::format(" and {} more time{} in this file",
                                          Uses.size() - 1,
                                          Uses.size() == 2 ? "" : "s")));
        F.Level = Severity::Note;
        Out.push_back(std::move(F));
        continue;
      }
      for (const FieldUse &U : Uses)
        Out.push_back(finding(U.Where, fmt::format("{}: {}", what(U), Harm)));
    }
  }

private:
  static constexpr const char *Harm =
      "each patch has its own copy, so after an atomic replace the new "
      "patch's data is its own initial value and whatever the old pointer "
      "owned is lost, and v1 removes the member; keep the state's data in a "
      "shadow variable with the state's id";

  static std::string what(const FieldUse &U) {
    if (U.Access == FieldAccess::Initializer)
      return fmt::format("state {} sets struct klp_state's data member",
                         U.StateId.describe());
    return fmt::format("{} of struct klp_state's data member{}",
                       U.Access == FieldAccess::Write ? "write" : "read",
                       U.Lookup.empty()
                           ? std::string()
                           : fmt::format(" through {}()", U.Lookup));
  }
};

} // namespace

KLP_REGISTER_CHECK(StateDataFieldCheck)

} // namespace klp::checks
