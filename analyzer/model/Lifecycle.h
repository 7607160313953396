/* SPDX-License-Identifier: GPL-2.0-only */
//===- Lifecycle.h - The module's own entry points -------------*- C++ -*-===//
//
// Functions the life of the livepatch module runs besides the patch's
// callbacks: its init and exit (module_init(), module_exit(), or
// init_module()/cleanup_module() defined by hand) and the callbacks of the
// module notifiers it registers (register_module_notifier()). Generation A
// code tears down there what per-state callbacks would tear down in C
// (docs/semantics.md#rules-generation-a).
//
//===----------------------------------------------------------------------===//

#ifndef KLP_MODEL_LIFECYCLE_H
#define KLP_MODEL_LIFECYCLE_H

#include "Loc.h"

namespace klp {

enum class LifecycleKind { Init, Exit, ModuleNotifier };
KLP_ENUM_JSON(LifecycleKind, ModuleNotifier)
/// "module init", "module exit", "module notifier".
const char *lifecycleKindName(LifecycleKind K);

struct LifecycleHook {
  LifecycleKind Kind = LifecycleKind::Init;
  std::string Function; ///< module_exit(fn)'s fn, a notifier_call
  Loc Where;            ///< the registration (macro, call)
};

template <class M> void mapFields(M &&Map, LifecycleHook &H) {
  Map("kind", H.Kind);
  Map("function", H.Function);
  Map("where", H.Where);
}
KLP_JSON_MAPPED(LifecycleHook)

} // namespace klp

#endif
