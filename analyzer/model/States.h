/* SPDX-License-Identifier: GPL-2.0-only */
//===- States.h - Patches, states and their callbacks ----------*- C++ -*-===//

#ifndef KLP_MODEL_STATES_H
#define KLP_MODEL_STATES_H

#include "Ids.h"

#include <array>
#include <vector>

namespace klp {

/// The four callback roles, plus the shadow destructor of a state
/// (docs/semantics.md, role mapping). The enumerators are in struct order.
enum class Role { PrePatch, PostPatch, PreUnpatch, PostUnpatch, ShadowDtor };
KLP_ENUM_JSON(Role, ShadowDtor)
constexpr unsigned NumRoles = 5;

/// The name of a role in the vocabulary of generation \p G (B: setup, ...).
const char *roleName(Role R, Generation G);

/// A value stored in a callback slot.
struct CallbackRef {
  bool Set = false;     ///< The slot is initialised or assigned at all.
  bool Present = false; ///< ...to something other than NULL/0.
  std::string Function; ///< The function's name, when it is one.
  Loc Where;
};

template <class M> void mapFields(M &&Map, CallbackRef &C) {
  Map("set", C.Set);
  Map("present", C.Present);
  Map("function", C.Function);
  Map("where", C.Where);
}
KLP_JSON_MAPPED(CallbackRef)

/// A boolean member that may be left out, set to a constant, or computed.
enum class Flag { Unset, False, True, NonConstant };
KLP_ENUM_JSON(Flag, NonConstant)

struct State {
  IdValue Id;
  std::array<CallbackRef, NumRoles> Callbacks;
  Flag BlockDisable = Flag::Unset;
  Flag IsShadow = Flag::Unset;
  Loc Where;            ///< The state's initializer or first assignment.
  std::string Array;    ///< The variable holding it ("states").
  Loc ArrayLoc;         ///< Where that variable is defined.
  bool RunTime = false; ///< Built by assignments rather than an initializer.

  const CallbackRef &callback(Role R) const {
    return Callbacks[static_cast<unsigned>(R)];
  }
};

template <class M> void mapFields(M &&Map, State &S) {
  Map("id", S.Id);
  Map("callbacks", S.Callbacks);
  Map("block_disable", S.BlockDisable);
  Map("is_shadow", S.IsShadow);
  Map("where", S.Where);
  Map("array", S.Array);
  Map("array_loc", S.ArrayLoc);
  Map("run_time", S.RunTime);
}
KLP_JSON_MAPPED(State)

struct Patch {
  std::string Name;
  Loc Where;
  bool Replace = false;
};

template <class M> void mapFields(M &&Map, Patch &P) {
  Map("name", P.Name);
  Map("where", P.Where);
  Map("replace", P.Replace);
}
KLP_JSON_MAPPED(Patch)

} // namespace klp

#endif
