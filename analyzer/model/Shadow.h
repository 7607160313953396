/* SPDX-License-Identifier: GPL-2.0-only */
//===- Shadow.h - Shadow variable API calls --------------------*- C++ -*-===//

#ifndef KLP_MODEL_SHADOW_H
#define KLP_MODEL_SHADOW_H

#include "Ids.h"

namespace klp {

enum class ShadowApi { Get, Alloc, GetOrAlloc, Free, FreeAll };
KLP_ENUM_JSON(ShadowApi, FreeAll)
const char *shadowApiName(ShadowApi A);

struct ShadowCall {
  ShadowApi Api = ShadowApi::Get;
  IdValue Id;
  Loc Where;
  /// Set when the API is reached through a helper whose id parameter gets
  /// the constant at this call site.
  std::string Helper;
  /// The function whose body holds the call (or the helper's call site).
  std::string Function;
  /// The constructor or destructor passed, when the argument names a
  /// function (not through a helper); see NoCallback.
  std::string Callback;
  /// The argument is NULL: no constructor or destructor.
  bool NoCallback = false;
};

template <class M> void mapFields(M &&Map, ShadowCall &C) {
  Map("api", C.Api);
  Map("id", C.Id);
  Map("where", C.Where);
  Map("helper", C.Helper);
  Map("function", C.Function);
  Map("callback", C.Callback);
  Map("no_callback", C.NoCallback);
}
KLP_JSON_MAPPED(ShadowCall)

/// A constructor or destructor: the functions the core runs with
/// klp_shadow_lock held and interrupts off (docs/semantics.md#context-rules).
enum class ShadowCallbackKind { Ctor, Dtor };
KLP_ENUM_JSON(ShadowCallbackKind, Dtor)
/// "shadow constructor", "shadow destructor".
const char *shadowCallbackKindName(ShadowCallbackKind K);

/// A function the module passes to the shadow API as a constructor
/// (argument 5 of alloc/get_or_alloc) or a destructor (argument 3 of free,
/// 2 of free_all). A parameter of the livepatch's own helper is resolved at
/// each call site of the helper. (A state's shadow_dtor is a State's.)
struct ShadowCallback {
  ShadowCallbackKind Kind = ShadowCallbackKind::Ctor;
  std::string Function;
  ShadowApi Api = ShadowApi::Alloc;
  Loc Where; ///< where the function is named: the argument
  std::string Helper;
};

template <class M> void mapFields(M &&Map, ShadowCallback &C) {
  Map("kind", C.Kind);
  Map("function", C.Function);
  Map("api", C.Api);
  Map("where", C.Where);
  Map("helper", C.Helper);
}
KLP_JSON_MAPPED(ShadowCallback)

} // namespace klp

#endif
