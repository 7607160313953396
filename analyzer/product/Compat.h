/* SPDX-License-Identifier: GPL-2.0-only */
//===- Compat.h - Upgrades and downgrades in the reference core -*- C++ -*-===//
//
// klp-lint compat <old> <new> and klp-lint --product ... --matrix: the
// modules of a product are loaded into kernel-support's livepatch core
// (klp-sim) one pair at a time, each as a copy of the model livepatch
// (kernel-support/model/klp_model.c) that has the module's own states and
// recorder callbacks (or, with --sim-modules, as the module itself built for
// klp-sim). For every ordered pair the battery is
//
//   install   load OLD; OLD runs (klp_compat_use: its is_shadow states take
//             their shadow variables)
//   move      load NEW (replacing or stacking on OLD); remove OLD's module
//             if NEW replaced it; NEW runs; the leak report
//   disable   disable NEW; remove its module
//   back      load OLD again if it is gone; OLD runs
//   end       disable OLD; remove its module; the final leak report
//
// and with --matrix the releases are also loaded one after another, in
// order, as a machine that takes every update would. The report says per
// run and step what the core accepted or refused (errno and message),
// which callbacks and shadow destructors ran for each state, and which
// shadow variables survive (docs/compat.md).
//
//===----------------------------------------------------------------------===//

#ifndef KLP_PRODUCT_COMPAT_H
#define KLP_PRODUCT_COMPAT_H

#include "model/Product.h"
#include "report/Report.h"

#include <llvm/Support/raw_ostream.h>

#include <string>
#include <utility>
#include <vector>

namespace klp {

struct CompatOptions {
  /// Every ordered pair and the release order (--matrix); else the two
  /// directions between the two modules of `klp-lint compat`.
  bool Matrix = false;
  /// --supported old:new, as given (module names or release numbers).
  std::vector<std::string> Supported;
  std::string KlpSim;      ///< the runner
  std::string ModelModule; ///< klp_model.so
  /// --sim-modules: the modules themselves, built for klp-sim, as
  /// <dir>/<name>.so, instead of the model.
  std::string SimModules;
  bool Json = false;        ///< the report as JSON
  bool Transcripts = false; ///< also the runner's transcripts
};

/// Run the battery for \p P and print the report to \p OS. Returns 0, 1
/// when a supported pair is refused or leaks, 2 when the runs cannot be
/// made (reported to \p R).
int runCompat(const ProductModel &P, const CompatOptions &O, Report &R,
              llvm::raw_ostream &OS);

} // namespace klp

#endif
