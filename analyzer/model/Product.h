/* SPDX-License-Identifier: GPL-2.0-only */
//===- Product.h - The livepatch modules of a product ----------*- C++ -*-===//
//
// A product is several livepatch modules meant for the same kernel, named
// explicitly and in release order (klp-lint --product, klp-lint compat).
// For each module the product checks and the compatibility runs need what
// its patch says about states: whether it replaces, and for every state its
// id, block_disable, is_shadow and which callbacks and shadow_dtor are set.
// That comes from the module's sources, from the facts the kbuild modes
// recorded for its objects, or from the built .ko itself; all three give
// the same ProductModule (docs/compat.md).
//
//===----------------------------------------------------------------------===//

#ifndef KLP_MODEL_PRODUCT_H
#define KLP_MODEL_PRODUCT_H

#include "States.h"

#include <array>
#include <string>
#include <vector>

namespace klp {

/// Where a module's model came from.
enum class ProductSource { Sources, Facts, Binary };
KLP_ENUM_JSON(ProductSource, Binary)
const char *productSourceName(ProductSource S);

/// One callback slot: set to a function or not. The name is compared
/// across modules ("" when the slot holds something else than a function).
struct ProductCallback {
  bool Present = false;
  std::string Function;
};

template <class M> void mapFields(M &&Map, ProductCallback &C) {
  Map("present", C.Present);
  Map("function", C.Function);
}
KLP_JSON_MAPPED(ProductCallback)

/// A state of a module's states[]. A flag left out is False (the core reads
/// zero); NonConstant is a value only the running code knows.
struct ProductState {
  IdValue Id;
  Flag BlockDisable = Flag::False;
  Flag IsShadow = Flag::False;
  /// By Role: pre_patch, post_patch, pre_unpatch, post_unpatch, shadow_dtor.
  std::array<ProductCallback, NumRoles> Callbacks;
  Loc Where;

  const ProductCallback &callback(Role R) const {
    return Callbacks[static_cast<unsigned>(R)];
  }
  /// "block_disable", "is_shadow": the flags that are set, in that order.
  std::vector<std::string> flagsSet() const;
  /// The callback slots that are set, by generation C role name.
  std::vector<std::string> callbacksSet() const;
};

template <class M> void mapFields(M &&Map, ProductState &S) {
  Map("id", S.Id);
  Map("block_disable", S.BlockDisable);
  Map("is_shadow", S.IsShadow);
  Map("callbacks", S.Callbacks);
  Map("where", S.Where);
}
KLP_JSON_MAPPED(ProductState)

struct ProductModule {
  /// The module's name (its patch's name in sysfs): .modinfo's name=, or
  /// the file's stem with '-' as '_', as kbuild names modules.
  std::string Name;
  std::string Input;     ///< The argument that named it.
  ProductSource From = ProductSource::Sources;
  unsigned Release = 0;  ///< 1-based position in the product.
  Generation Gen = Generation::Unknown;
  bool Replace = false;
  std::string Patch;     ///< The struct klp_patch variable (or symbol).
  Loc PatchWhere;
  std::vector<ProductState> States;

  /// The state with id \p Id, if the module has one (the first, as the
  /// core's klp_get_state() finds it).
  const ProductState *state(uint64_t Id) const;
};

template <class M> void mapFields(M &&Map, ProductModule &P) {
  Map("name", P.Name);
  Map("input", P.Input);
  Map("from", P.From);
  Map("release", P.Release);
  Map("generation", P.Gen);
  Map("replace", P.Replace);
  Map("patch", P.Patch);
  Map("patch_where", P.PatchWhere);
  Map("states", P.States);
}
KLP_JSON_MAPPED(ProductModule)

struct ProductModel {
  std::vector<ProductModule> Modules; ///< In release order.
};

} // namespace klp

#endif
