//===- Report.h - Findings from filtering to rendering ---------*- C++ -*-===//
//
// Every finding passes through one Report: promotion (--warnings-as-errors),
// suppression (NOLINT, --line-filter/--diff, --baseline), fingerprinting and
// counting. Text is printed by clang's diagnostics as findings arrive; the
// machine formats (json, sarif, checkpatch), the baseline, the export-fixes
// file and the summary line are written once at the end.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_LINT_REPORT_H
#define KLP_LINT_REPORT_H

#include "Check.h"
#include "CheckRegistry.h"
#include "Suppression.h"

#include <atomic>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace klp {

enum class OutputFormat { Text, Json, Sarif, Checkpatch };

struct ReportOptions {
  OutputFormat Format = OutputFormat::Text;
  std::string SourceRoot;      ///< for relative paths (SARIF, baselines)
  LineFilter Lines;            ///< --line-filter and --diff
  std::set<std::string> Baseline;
  std::string WriteBaseline;   ///< path, or ""
  std::string ExportFixes;     ///< path, or ""
  std::string BuildDirectory;  ///< for export-fixes
  bool Strict = false;         ///< checkpatch: show notes as CHECK
  bool Quiet = false;          ///< no summary line
};

class Report {
public:
  explicit Report(ReportOptions Opts);

  /// Promote, suppress and record; returns what is left to print (in text
  /// mode). Thread-safe.
  std::vector<Finding> admit(std::vector<Finding> Findings,
                             const CheckFilter &WarningsAsErrors);

  /// Render machine formats, write files, print the summary. Returns false
  /// (with a message printed) if an output file could not be written.
  bool finish();

  /// Findings reported as errors (promoted, or of an error-level check):
  /// they make the exit code 1.
  unsigned errors() const { return Errors; }
  /// Translation unit \p MainFile was analyzed (the summary speaks only
  /// then; checkpatch counts its lines).
  void analyzed(const std::string &MainFile);
  OutputFormat format() const { return Opts.Format; }

private:
  ReportOptions Opts;
  SourceCache Sources;
  NolintFilter Nolint{Sources};
  Fingerprinter Prints;
  std::mutex Lock;
  std::vector<Finding> Kept;
  std::set<std::string> AllPrints; ///< for --write-baseline, suppressed too
  unsigned Errors = 0;
  std::atomic<unsigned> Analyzed{0};
  std::set<std::string> AnalyzedFiles;
  unsigned ByNolint = 0, ByLines = 0, ByBaseline = 0;
};

/// The git work tree containing the current directory, else the current
/// directory: what repository-relative paths are relative to.
std::string defaultSourceRoot();

} // namespace klp

#endif
