/* SPDX-License-Identifier: GPL-2.0-only */
//===- CompatRuns.h - The runs of klp-lint compat, and their report -*- C++ -*-===//
//
// Shared by Compat.cpp (building and running the scenarios) and
// CompatReport.cpp (judging and printing what they showed).
//
//===----------------------------------------------------------------------===//

#ifndef KLP_PRODUCT_COMPATRUNS_H
#define KLP_PRODUCT_COMPATRUNS_H

#include "product/Compat.h"

#include <string>
#include <vector>

namespace klp {

/// A module of the product as the runner loads it.
struct SimModule {
  const ProductModule *Module = nullptr;
  std::string Name;   ///< Its name in the runner (the patch's), unique.
  std::string Params; ///< The model's parameters; "" for a real module.
};

enum class SimOp { Load, Use, Unload, Disable, Leaks };

struct SimCommand {
  SimOp What;
  const SimModule *On = nullptr;
  std::string Phase; ///< install, move, disable, back, end
};

/// What one command printed: its lines and its errno name ("" for 0).
struct SimOutcome {
  std::string Errno;
  std::vector<std::string> Lines;
};

struct SimRun {
  std::string Title; ///< "r2 -> r3", or the release list
  std::string Kind;  ///< upgrade, downgrade, release order
  unsigned From = 0, To = 0; ///< releases of a pair
  std::vector<SimCommand> Commands;
  bool Supported = false;
  // What the runner showed.
  std::string Transcript;
  std::vector<SimOutcome> Outcomes; ///< one per command
  SimOutcome Final;                 ///< the final leak report
  // The judgment (CompatReport::judge()).
  std::string Refused;              ///< errno of a refused move, or ""
  std::vector<std::string> Leaks;   ///< leak lines of the moves and the end
  std::vector<std::string> Survivors; ///< shadow variables left at the end

  std::vector<const SimOutcome *> allOutcomes() const;
};

/// Judges the runs and prints them.
struct CompatReport {
  const ProductModel &P;
  const std::vector<SimModule> &Modules;
  std::vector<SimRun> &Runs;
  const CompatOptions &O;

  /// Fills each run's judgment; true when a supported run fails.
  bool judge();
  void printText(llvm::raw_ostream &OS) const;
  void printJson(llvm::raw_ostream &OS) const;
};

} // namespace klp

#endif
