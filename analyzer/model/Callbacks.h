/* SPDX-License-Identifier: GPL-2.0-only */
//===- Callbacks.h - Per-object callback registrations ---------*- C++ -*-===//

#ifndef KLP_MODEL_CALLBACKS_H
#define KLP_MODEL_CALLBACKS_H

#include "States.h"

namespace klp {

/// How a per-object callback was registered (callbacks-per-object).
enum class CallbackSpelling { Initializer, Assignment, KpatchMacro, KlpMacro };
KLP_ENUM_JSON(CallbackSpelling, KlpMacro)

struct ObjectCallback {
  CallbackSpelling Spelling = CallbackSpelling::Initializer;
  Role Kind = Role::PrePatch;
  std::string Function; ///< May be empty (whole-struct assignment).
  std::string Object;   ///< "vmlinux", a module name, or "" if unknown.
  bool ModuleObject = false;
  std::string Macro; ///< For the macro spellings.
  Loc Where;
  Loc ObjectLoc; ///< The object's name, for the notifier note.
  /// The struct klp_object of the headers in use has no callbacks member
  /// (generation C): the code does not compile as it is.
  bool MissingMember = false;
  /// Which struct klp_object of the TU it is registered for, so that the
  /// callbacks of one object can be told apart from another's: "<var>" or
  /// "<var>[<i>]" for an initializer or an assignment through that object,
  /// "kpatch" or "klp-build" for the macros (their tools attach every
  /// callback of a TU to the one object the TU belongs to); "" when it is
  /// not known (a pointer, a computed index).
  std::string Holder = {};
};

template <class M> void mapFields(M &&Map, ObjectCallback &C) {
  Map("spelling", C.Spelling);
  Map("kind", C.Kind);
  Map("function", C.Function);
  Map("object", C.Object);
  Map("module_object", C.ModuleObject);
  Map("macro", C.Macro);
  Map("where", C.Where);
  Map("object_loc", C.ObjectLoc);
  Map("missing_member", C.MissingMember);
  Map("holder", C.Holder);
}
KLP_JSON_MAPPED(ObjectCallback)

} // namespace klp

#endif
