/* SPDX-License-Identifier: GPL-2.0-only */
//===- FieldUses.h - Uses of members of the livepatch records --*- C++ -*-===//
//
// An extractor that several checks configure for their own members: every
// initializer, write and read of the chosen members of the livepatch
// records (struct klp_state's data or version, the core's internal flags),
// decided by the record the member belongs to, never by its name alone.
// Each check that uses it owns its instance, and the facts travel under the
// check's name (Check::extractor(), TUFacts::Own).
//
//===----------------------------------------------------------------------===//

#ifndef KLP_EXTRACT_FIELDUSES_H
#define KLP_EXTRACT_FIELDUSES_H

#include "extract/Extractor.h"
#include "model/Ids.h"

#include <memory>
#include <vector>

namespace klp {

/// The livepatch records a member may belong to.
enum class KlpRecord { State, StateCallbacks, Patch, ObjectCallbacks };
KLP_ENUM_JSON(KlpRecord, ObjectCallbacks)

enum class FieldAccess { Initializer, Write, Read };
KLP_ENUM_JSON(FieldAccess, Read)

struct FieldUse {
  KlpRecord Record = KlpRecord::State;
  std::string Field;
  FieldAccess Access = FieldAccess::Read;
  Loc Where; ///< the designator, the positional value, or the member's name
  /// An initializer or assignment of a constant 0 / false / NULL.
  bool Zero = false;
  IdValue Value; ///< the value written, folded (initializers, assignments)
  /// The id of the struct klp_state the member belongs to, when an
  /// initializer shows it (also for its callbacks' members).
  IdValue StateId;
  /// "klp_get_state" or "klp_get_prev_state" when the member is read or
  /// written through the state such a call returns.
  std::string Lookup;
};

template <class M> void mapFields(M &&Map, FieldUse &U) {
  Map("record", U.Record);
  Map("field", U.Field);
  Map("access", U.Access);
  Map("where", U.Where);
  Map("zero", U.Zero);
  Map("value", U.Value);
  Map("state_id", U.StateId);
  Map("lookup", U.Lookup);
}
KLP_JSON_MAPPED(FieldUse)

using FieldUses = std::vector<FieldUse>;

/// An extractor of the uses of \p Fields; its facts are FieldUses.
std::unique_ptr<FactExtractor>
makeFieldUseExtractor(std::vector<std::pair<KlpRecord, std::string>> Fields);

} // namespace klp

#endif
