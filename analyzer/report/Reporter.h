/* SPDX-License-Identifier: GPL-2.0-only */
//===- Reporter.h - One output format, chosen once -------------*- C++ -*-===//
//
// The Report admits findings (promotion, suppression, fingerprints) and hands
// them to the one Reporter of the run: text prints them at once through
// clang's diagnostics (the live TU's when there is one, so -verify and carets
// work), the machine formats render everything when the run ends.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_REPORT_REPORTER_H
#define KLP_REPORT_REPORTER_H

#include "check/Finding.h"
#include "report/Fingerprint.h"
#include "report/Sources.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace clang {
class DiagnosticsEngine;
} // namespace clang

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace klp {

enum class OutputFormat { Text, Json, Sarif, Checkpatch };

/// The translation unit still parsed when its findings are delivered.
struct LiveTU {
  clang::DiagnosticsEngine &Diags;
  unsigned Index; ///< as in Loc::TU
};

/// Something that could not be analyzed: part of every output format.
struct Failure {
  std::string File;    ///< the file concerned, or ""
  std::string Message; ///< one line, without "klp-lint: error: "
};

/// Everything a format may render at the end of the run.
struct RenderContext {
  const std::vector<Finding> &Findings;
  const std::vector<Failure> &Failures;
  SourceCache &Sources;
  Fingerprinter &Prints;
  std::string SourceRoot;
  bool Strict = false;
  const std::set<std::string> &AnalyzedFiles;
};

class Reporter {
public:
  virtual ~Reporter();
  /// Findings just admitted for one TU or module, in order. \p OS is where
  /// text belongs (the module's ordered output buffer).
  virtual void emit(const std::vector<Finding> & /*Shown*/, LiveTU * /*Live*/,
                    llvm::raw_ostream & /*OS*/) {}
  /// The end of the run.
  virtual void finish(const RenderContext & /*C*/) {}
};

std::unique_ptr<Reporter> makeReporter(OutputFormat Format);

// The renderers behind the formats.
void renderJson(const RenderContext &C, llvm::raw_ostream &OS);
void renderSarif(const RenderContext &C, llvm::raw_ostream &OS);
void renderCheckpatch(const RenderContext &C, llvm::raw_ostream &OS);
/// clang-tidy's --export-fixes YAML (docs/usage.md#output).
void renderExportFixes(const RenderContext &C, const std::string &BuildDir,
                       llvm::raw_ostream &OS);

/// Text through clang's diagnostics: into \p Live's engine, or a standalone
/// one that reads the files the locations name (module joins).
void emitText(const std::vector<Finding> &Findings, LiveTU *Live,
              llvm::raw_ostream &OS);

} // namespace klp

#endif
