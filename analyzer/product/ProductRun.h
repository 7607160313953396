/* SPDX-License-Identifier: GPL-2.0-only */
//===- ProductRun.h - klp-lint --product and klp-lint compat ---*- C++ -*-===//
//
// Reads the modules of a product (ProductInputs.h) and then runs the
// product checks over them, or prints their model (--dump-product, for the
// tests), and with --matrix or `klp-lint compat` the compatibility runs in
// the reference core (Compat.h).
//
//===----------------------------------------------------------------------===//

#ifndef KLP_PRODUCT_PRODUCTRUN_H
#define KLP_PRODUCT_PRODUCTRUN_H

#include "config/Settings.h"
#include "driver/Run.h"
#include "product/Compat.h"
#include "report/Report.h"

#include <string>
#include <vector>

namespace klp {

struct ProductOptions {
  std::vector<std::string> Modules; ///< the arguments, in release order
  bool Checks = true;               ///< run the product checks
  bool Dump = false;                ///< print the modules' model as JSON
  bool Compat = false;              ///< run the compatibility battery
  CompatOptions CompatRuns;
};

/// Returns the exit code; failures and findings go to \p R, the model and
/// the compatibility report to stdout.
int runProduct(const ProductOptions &P, const RunOptions &Opts,
               SettingsResolver &Resolver, Report &R);

} // namespace klp

#endif
