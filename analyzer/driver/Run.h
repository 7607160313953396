/* SPDX-License-Identifier: GPL-2.0-only */
//===- Run.h - A whole klp-lint run ----------------------------*- C++ -*-===//
//
// command line -> settings -> inputs -> one parse per TU -> facts -> module
// model -> checks -> findings -> the report. This is the part from inputs to
// findings: modules are analyzed one by one or -j at a time, and their
// output is printed in module order.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_DRIVER_RUN_H
#define KLP_DRIVER_RUN_H

#include "config/Settings.h"
#include "driver/GitView.h"
#include "driver/Inputs.h"
#include "driver/Parse.h"
#include "check/Profile.h"
#include "report/Report.h"

#include <functional>

namespace klp {

/// Exit codes (README, docs/usage.md).
enum ExitCode { ExitClean = 0, ExitPromoted = 1, ExitCannotAnalyze = 2 };

struct RunOptions {
  InputOptions Inputs;
  ParseOptions Parse;
  unsigned Jobs = 1;              ///< modules analyzed at once (-j)
  unsigned Shard = 1, Shards = 1; ///< --shard=Shard/Shards
  bool Progress = true;           ///< "[k/n] module" on a terminal
  /// kbuild modes: leave module-scope checks to joinModule().
  bool DeferModuleChecks = false;
  /// Extract facts only, run no TU or module check (the sources of a
  /// product module: --product judges them together).
  bool FactsOnly = false;
  /// kbuild modes: the one file of this run is one of its directory's,
  /// which kbuild checks one process at a time; they share a preamble PCH.
  bool KbuildSiblings = false;
  /// Receives the facts of every translation unit analyzed.
  std::vector<TUFacts> *FactsOut = nullptr;
  /// Sees the findings of each TU and module before they are admitted, and
  /// may change or drop them (--patch: traced back to the patch lines).
  std::function<void(std::vector<Finding> &)> FindingsHook;
  /// The sources as git has them (--staged: the index; the analysis at a
  /// --diff revision), laid over the work tree.
  const GitView *View = nullptr;
  /// --enable-check-profile / --store-check-profile: every module's check
  /// times are added here (null: no profiling, no clock read).
  CheckProfile *Profile = nullptr;
  /// --store-check-profile=<dir>: each module's own times are written
  /// there as <timestamp>-<module>.json.
  std::string StoreProfile;
};

/// Analyze every module of \p Opts; returns the exit code.
int runAnalysis(const RunOptions &Opts, SettingsResolver &Resolver, Report &R);

/// Run the module-scope checks over the joined facts of module \p Name
/// (kbuild modes: no translation unit is parsed any more) and report them.
int joinModule(const std::string &Name, std::vector<TUFacts> TUs,
               SettingsResolver &Resolver, Report &R);

/// --diff: analyze the modules of \p Opts as \p Base has them, quietly,
/// and return the gate that keeps what is new since, or on a changed line
/// (of the work tree, or of the index with \p Staged). What cannot be
/// analyzed at \p Base is noted: its findings all count as new.
llvm::Expected<ReportOptions::DiffGate> diffGate(const GitView &Base,
                                                 bool Staged,
                                                 const RunOptions &Opts,
                                                 SettingsResolver &Resolver,
                                                 const ReportOptions &ROpts);

/// The exit code a finished report means.
int exitCode(const Report &R);

} // namespace klp

#endif
