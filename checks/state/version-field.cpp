// SPDX-License-Identifier: GPL-2.0-only
//===- version-field.cpp - state-version-field ----------------------------===//
//
// Uses of state versions (klp_state.version, the POC's klp_patch.version),
// which v1 replaces with block_disable.
//
// "[PATCH v1 04/19] livepatch: Add "block_disable" flag to per-state API and
// remove versioning" drops klp_state.version
// (docs/semantics.md#rule-state-version-field): without versions a
// downgrade is accepted (ST-3) even where the author counted on the version
// to refuse it, and block_disable is what keeps a state from being removed.
// The POC's last patch added a klp_patch.version by accident, which its core
// never reads. Flagged: .version in struct klp_state and struct klp_patch
// initializers, and every read or write of them, also of the state that
// klp_get_state() or klp_get_prev_state() returns (a comparison of versions
// reads them); decided by the record, never by the member name. Generation
// A code judged by its own kernel (docs/semantics.md#rules-generation-a)
// uses versions as that kernel means them: each state that sets a version
// gets one note, saying what the version does there (a patch carrying the
// id with a lower version is refused with -EINVAL, also without replace)
// and what a migration to v1 must change; reads get nothing.
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"
#include "extract/FieldUses.h"

#include <fmt/format.h>

namespace klp::checks {

namespace {

class StateVersionFieldCheck : public Check {
public:
  using Check::Check;
  std::unique_ptr<FactExtractor> extractor() const override {
    return makeFieldUseExtractor(
        {{KlpRecord::State, "version"}, {KlpRecord::Patch, "version"}});
  }

  void check(const ModuleModel &M, std::vector<Finding> &Out) const override {
    bool Native = judgedByA(M.generation());
    for (const TUFacts &TU : M.TUs) {
      if (TU.GeneratedPatch)
        continue; // its states never reach a klp_patch
      for (const FieldUse &U : own<FieldUses>(TU)) {
        if (!Native) {
          Out.push_back(finding(U.Where, migration(U)));
          continue;
        }
        if (U.Record != KlpRecord::State || U.Access == FieldAccess::Read)
          continue;
        Finding F = finding(U.Where, native(U));
        F.Level = Severity::Note;
        Out.push_back(std::move(F));
      }
    }
  }

private:
  /// Generation A on its own kernel: what the version does there.
  static std::string native(const FieldUse &U) {
    std::string Whose = U.Access == FieldAccess::Initializer
                            ? fmt::format("state {}", U.StateId.describe())
                            : std::string("this state");
    std::string Version = U.Value.known()
                              ? fmt::format("version {}", *U.Value.Value)
                              : std::string("a version");
    std::string Effect =
        U.Value.known() && *U.Value.Value == 0
            ? std::string("version 0 refuses no patch on this kernel")
            : fmt::format("on this kernel a patch that carries {} with a "
                          "lower version is refused with -EINVAL, also "
                          "without replace",
                          U.Access == FieldAccess::Initializer &&
                                  U.StateId.known()
                              ? fmt::format("id {}", *U.StateId.Value)
                              : std::string("its id"));
    return fmt::format("{} has {}: {}; v1 removes versions, so a downgrade "
                       "is then accepted: a migration keeps the state from "
                       "being removed with block_disable instead",
                       Whose, Version, Effect);
  }

  /// Any other code: the member is gone in v1.
  static std::string migration(const FieldUse &U) {
    if (U.Record == KlpRecord::Patch)
      return fmt::format(
          "{} of klp_patch.version, the member the POC's last patch added by "
          "accident: its core never reads it and v1 does not have it; remove "
          "it",
          U.Access == FieldAccess::Read ? "read" : "setting");
    std::string What =
        U.Access == FieldAccess::Initializer
            ? fmt::format("state {} sets a version", U.StateId.describe())
        : U.Access == FieldAccess::Write
            ? std::string("write of a state's version")
            : fmt::format("read of the version of a state{}",
                          U.Lookup.empty()
                              ? std::string()
                              : fmt::format(" that {}() returns", U.Lookup));
    return fmt::format(
        "{}: v1 removes state versions, so a downgrade is accepted even "
        "where the version was to refuse it; keep the state from being "
        "removed with block_disable instead",
        What);
  }
};

} // namespace

KLP_REGISTER_CHECK(StateVersionFieldCheck)

} // namespace klp::checks
