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

#include <optional>
#include <string>
#include <vector>

namespace klp {

struct RunOptions {
  std::vector<std::string> Files;
  std::string BuildDir;                           ///< -p
  std::optional<std::vector<std::string>> CompilerArgs; ///< after "--"
  CheckFilter Checks;
  CheckFilter WarningsAsErrors;
  CheckOptions Options;
  AdjustOptions Adjust;
};

/// Exit codes (README, docs/usage.md).
enum ExitCode { ExitClean = 0, ExitPromoted = 1, ExitCannotAnalyze = 2 };

int runAnalysis(const RunOptions &Opts);

/// The include directory of the embedded default headers.
extern const char EmbeddedIncludeDir[];

} // namespace klp

#endif
