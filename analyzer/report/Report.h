/* SPDX-License-Identifier: GPL-2.0-only */
//===- Report.h - Findings from admission to output ------------*- C++ -*-===//
//
// Every finding passes through one Report: promotion (--warnings-as-errors),
// suppression (NOLINT, --line-filter/--diff, --baseline), fingerprinting and
// counting; every failure to analyze too. What is admitted goes to the run's
// Reporter; the baseline, the export-fixes file and the summary line are
// written once at the end.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_REPORT_REPORT_H
#define KLP_REPORT_REPORT_H

#include "report/LineFilter.h"
#include "report/Nolint.h"
#include "report/Reporter.h"
#include "support/Glob.h"

#include <atomic>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace klp {

struct ReportOptions {
  OutputFormat Format = OutputFormat::Text;
  std::string SourceRoot;     ///< for relative paths (SARIF, baselines)
  LineFilter Lines;           ///< --line-filter and --diff
  std::set<std::string> Baseline;
  std::string WriteBaseline;  ///< path, or ""
  std::string ExportFixes;    ///< path, or ""
  std::string BuildDirectory; ///< for export-fixes
  bool Strict = false;        ///< checkpatch: show notes as CHECK
  bool Quiet = false;         ///< no summary line
  /// kbuild modes: a failure to analyze is a warning, the build decides.
  bool FailuresAreWarnings = false;
  /// Only fingerprint what is admitted (the analysis at a --diff revision):
  /// nothing is shown or printed, failures are kept for the caller.
  bool CollectOnly = false;
  /// --diff=<rev>: a finding is shown when the analysis at Rev did not have
  /// it (by fingerprint), or when it is on a line changed since Rev.
  struct DiffGate {
    std::string Rev;
    std::set<std::string> Old;
    LineFilter Changed;
  };
  std::optional<DiffGate> Diff;
};

class Report {
public:
  explicit Report(ReportOptions Opts);
  ~Report();

  /// Promote, suppress and record \p Findings; returns what is left to
  /// show, in order. Thread-safe. Findings of a TU analyzed under -verify
  /// are expectations (\p Expected): as with clang -verify, only the
  /// verification decides the exit code, so they count no errors.
  std::vector<Finding> admit(std::vector<Finding> Findings,
                             const GlobList &WarningsAsErrors,
                             bool Expected = false);
  /// Hand admitted findings of one TU or module to the reporter.
  void emit(const std::vector<Finding> &Shown, LiveTU *Live,
            llvm::raw_ostream &OS);
  /// Something could not be analyzed: printed now to \p OS, recorded for
  /// the machine formats, and the exit code becomes 2. Thread-safe.
  void fail(Failure F, llvm::raw_ostream &OS);
  /// The same for a failure already printed where it was found.
  void record(Failure F);
  bool failed() const { return !Failures.empty(); }
  const std::vector<Failure> &failures() const { return Failures; }
  /// The fingerprints of every admitted finding, suppressed ones too.
  const std::set<std::string> &fingerprints() const { return AllPrints; }

  /// Render, write files, print the summary. Returns false (with a message
  /// printed) if an output could not be written.
  bool finish();

  /// Findings reported as errors (promoted, or of an error-level check):
  /// they make the exit code 1.
  unsigned errors() const { return Errors; }
  /// Translation unit \p MainFile was analyzed (the summary speaks only
  /// then; checkpatch counts its lines, unless it has none: a built file).
  void analyzed(const std::string &MainFile, bool HasLines = true);
  /// \p File reads as \p Text for NOLINT comments, fingerprints and
  /// snippets (--patch: the patched file exists only in memory). Call
  /// before any finding is admitted.
  void overlaySource(const std::string &File, const std::string &Text) {
    Sources.set(File, Text);
  }

private:
  ReportOptions Opts;
  std::unique_ptr<Reporter> Out;
  SourceCache Sources;
  NolintFilter Nolint{Sources};
  Fingerprinter Prints;
  std::mutex Lock;
  std::vector<Finding> Kept;
  std::vector<Failure> Failures;
  std::set<std::string> AllPrints; ///< for --write-baseline, suppressed too
  std::atomic<unsigned> Errors{0};
  std::atomic<unsigned> Analyzed{0};
  std::set<std::string> AnalyzedFiles;
  unsigned ByNolint = 0, ByLines = 0, ByBaseline = 0, ByDiff = 0;
};

} // namespace klp

#endif
