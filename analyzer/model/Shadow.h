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
};

template <class M> void mapFields(M &&Map, ShadowCall &C) {
  Map("api", C.Api);
  Map("id", C.Id);
  Map("where", C.Where);
  Map("helper", C.Helper);
  Map("function", C.Function);
}
KLP_JSON_MAPPED(ShadowCall)

} // namespace klp

#endif
