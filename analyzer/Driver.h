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
#include "Config.h"
#include "Report.h"

#include <optional>
#include <string>
#include <vector>

namespace klp {

struct RunOptions {
  std::vector<std::string> Files;
  std::string BuildDir;                           ///< -p
  std::optional<std::vector<std::string>> CompilerArgs; ///< after "--"
  /// --checks, --warnings-as-errors, --check-option, --extra-arg and
  /// --removed-arg: merged over the .klp-lint.yaml settings.
  Config CommandLine;
  std::string ConfigFile;      ///< --config-file: instead of the lookup
  bool ReadConfigFiles = true;
  std::string ResourceDir;     ///< clang's builtin headers
  /// Where findings go: promotion, suppression, rendering (required).
  Report *Sink = nullptr;
  unsigned Jobs = 1;           ///< modules analyzed at once (-j)
  unsigned Shard = 1, Shards = 1; ///< --shard=Shard/Shards
  bool Progress = true;        ///< "[k/n] module" on a terminal
  /// Parse every function body, even in kernel headers (the fast path skips
  /// them; both must give the same findings).
  bool FullParse = false;
  /// Where preamble PCHs are cached ("" = none); see Preamble.h.
  std::string PchCache;

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

/// The settings that apply to a file: the default (every check), the
/// .klp-lint.yaml files, the command line.
struct Settings {
  Config Merged;
  CheckFilter Checks, WarningsAsErrors;
  CheckOptions Options;
  AdjustOptions Adjust;
};

/// Compute (and cache per directory) the settings for \p File. On a bad
/// configuration the problems are printed and false is returned.
bool settingsFor(const std::string &File, const RunOptions &Opts,
                 const Settings *&Out);

/// Run the module-scope checks over the joined facts of module \p Name and
/// print the findings (no translation unit is parsed any more).
int joinModule(const std::string &Name, std::vector<TUFacts> TUs,
               const RunOptions &Opts);

/// The include directory of the embedded default headers.
extern const char EmbeddedIncludeDir[];

} // namespace klp

#endif
