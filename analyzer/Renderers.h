//===- Renderers.h - Machine-readable outputs ------------------*- C++ -*-===//

#ifndef KLP_LINT_RENDERERS_H
#define KLP_LINT_RENDERERS_H

#include "Check.h"
#include "Suppression.h"

#include <set>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace klp {

struct RenderContext {
  const std::vector<Finding> &Findings;
  SourceCache &Sources;
  Fingerprinter &Prints;
  std::string SourceRoot;
  bool Strict = false;
  const std::set<std::string> &AnalyzedFiles;
};

/// {"version":1,"findings":[...]} with paths, positions, notes, fingerprints.
void renderJson(const RenderContext &C, llvm::raw_ostream &OS);
/// SARIF 2.1.0 as GitHub code scanning reads it (integration-notes §5).
void renderSarif(const RenderContext &C, llvm::raw_ostream &OS);
/// checkpatch.pl's report shape; returns the number of reports printed.
void renderCheckpatch(const RenderContext &C, llvm::raw_ostream &OS);
/// clang-tidy's --export-fixes YAML (integration-notes §4.5).
void renderExportFixes(const RenderContext &C, const std::string &BuildDir,
                       llvm::raw_ostream &OS);

/// The text of docs/checks/<check>.md compiled into the binary, or "".
std::string checkDoc(const std::string &Check);

/// --explain: the check's summary, what it flags and why it matters, from
/// its doc page. False (with a message) for an unknown check.
bool explainCheck(const std::string &Check, llvm::raw_ostream &OS);

} // namespace klp

#endif
