/* SPDX-License-Identifier: GPL-2.0-only */
//===- ProductCheck.h - Checks of several livepatch modules ----*- C++ -*-===//
//
// A product check (scope Product in checks/CheckList.def) judges the
// livepatch modules named with --product, in release order, as the states
// of their patches describe them (model/Product.h): never the code. It runs
// only when several modules are named explicitly (docs/semantics.md,
// "Scope").
//
//===----------------------------------------------------------------------===//

#ifndef KLP_CHECK_PRODUCTCHECK_H
#define KLP_CHECK_PRODUCTCHECK_H

#include "check/Check.h"
#include "model/Product.h"

namespace klp {

class ProductCheck : public Check {
public:
  using Check::Check;
  /// Product checks have no single module to judge.
  void check(const ModuleModel &, std::vector<Finding> &) const final {}
  const ProductCheck *asProduct() const final { return this; }
  virtual void checkProduct(const ProductModel &P,
                            std::vector<Finding> &Out) const = 0;

protected:
  /// The modules of \p P whose generation this check applies to.
  std::vector<const ProductModule *> judged(const ProductModel &P) const;
  /// "'r2' (release 2)": how messages name a module.
  static std::string describe(const ProductModule &M);
  /// Where a state is, or its module's patch when the state has no place
  /// of its own (a binary's states are entries of an array).
  static Loc where(const ProductModule &M, const ProductState &S);
};

} // namespace klp

#endif
