//===- Driver.h - Run the analysis over modules ----------------*- C++ -*-===//
//
// Turns files, a compile database or explicit compiler arguments into
// livepatch modules, parses each translation unit once, builds the module
// model and runs the checks on it.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_LINT_DRIVER_H
#define KLP_LINT_DRIVER_H

#include "ArgumentAdjuster.h"
#include "CheckRegistry.h"
#include "Report.h"

#include <optional>
#include <string>
#include <vector>

namespace klp {

struct RunOptions {
  std::vector<std::string> Files;
  std::string BuildDir;                           ///< -p
  std::optional<std::vector<std::string>> CompilerArgs; ///< after "--"
  CheckFilter Checks;
  CheckOptions Options;
  /// Where findings go: promotion, suppression, rendering (required).
  Report *Sink = nullptr;
  AdjustOptions Adjust;

  // kbuild modes (wrapper, CHECK=): each process sees one translation unit.
  /// Leave module-scope checks to joinModule().
  bool DeferModuleChecks = false;
  /// Hide the compiler's own diagnostics; a failure to analyze becomes one
  /// warning line and never an error exit (the build decides, not us).
  bool KbuildQuiet = false;
  /// The complete compile command (argv[0] = the compiler, the file
  /// included), as a compiler wrapper or checker receives it.
  std::optional<std::vector<std::string>> FullCommand;
  /// Receives the facts of every translation unit analyzed.
  std::vector<TUFacts> *FactsOut = nullptr;
};

/// Exit codes (README, docs/usage.md).
enum ExitCode { ExitClean = 0, ExitPromoted = 1, ExitCannotAnalyze = 2 };

int runAnalysis(const RunOptions &Opts);

/// Run the module-scope checks over the joined facts of module \p Name and
/// print the findings (no translation unit is parsed any more).
int joinModule(const std::string &Name, std::vector<TUFacts> TUs,
               const RunOptions &Opts);

/// The include directory of the embedded default headers.
extern const char EmbeddedIncludeDir[];

} // namespace klp

#endif
