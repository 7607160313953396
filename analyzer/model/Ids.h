/* SPDX-License-Identifier: GPL-2.0-only */
//===- Ids.h - Folded state and shadow ids ---------------------*- C++ -*-===//
//
// Ids are compared after constant folding: macros, enums, const objects and
// arithmetic on them. A non-constant id takes no part in id matching.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_MODEL_IDS_H
#define KLP_MODEL_IDS_H

#include "Loc.h"

#include <optional>

namespace klp {

struct IdValue {
  std::optional<uint64_t> Value; ///< Empty when the id is not constant.
  std::string Spelling;          ///< Source text, e.g. "SHADOW_LEAK".
  std::string DefName;           ///< Macro, enumerator or const object name.
  Loc Def;                       ///< Where DefName is defined, if known.
  /// "state->id" where state is the struct klp_state * parameter number
  /// StateParam of function StateOf: inside a state callback that is the
  /// id of whichever state the callback belongs to (resolved per module).
  std::string StateOf;
  unsigned StateParam = 0;
  /// A constant written as a bare number: no macro, enumerator or const
  /// object names it ("5", "(1 << 6) | 2", or a number in the body of a
  /// function-like macro), so nothing ties it to the other uses of the
  /// same id (shadow-id-literal).
  bool Literal = false;
  /// Where the id's text is written (its spelling, also inside a macro
  /// body), and how long it is: what a fix-it replaces.
  Loc Written;
  unsigned WrittenLength = 0;

  bool known() const { return Value.has_value(); }
  /// The id of a callback's own state (see StateOf).
  bool ofCallbackState() const { return !StateOf.empty(); }
  /// "'SHADOW_LEAK' (1)" or "1".
  std::string describe() const;
};

template <class M> void mapFields(M &&Map, IdValue &V) {
  Map("value", V.Value);
  Map("spelling", V.Spelling);
  Map("def_name", V.DefName);
  Map("def", V.Def);
  Map("state_of", V.StateOf);
  Map("state_param", V.StateParam);
  Map("literal", V.Literal);
  Map("written", V.Written);
  Map("written_length", V.WrittenLength);
}
KLP_JSON_MAPPED(IdValue)

} // namespace klp

#endif
