// SPDX-License-Identifier: GPL-2.0-only
//===- Checkpatch.cpp - checkpatch.pl's report shape ----------------------===//
//
// error -> ERROR, warning -> WARNING, note -> CHECK (only with --strict); the
// TYPE is the check name upper-cased (docs/ci.md#gitlab-ci-sarif-artifact-checkpatch-style-job-log).
//
//===----------------------------------------------------------------------===//

#include "report/Reporter.h"

#include <llvm/Support/raw_ostream.h>

#include <cctype>
#include <set>

namespace klp {

void renderCheckpatch(const RenderContext &C, llvm::raw_ostream &OS) {
  unsigned Errors = 0, Warnings = 0, Checks = 0;
  std::set<std::string> Files;
  for (const Finding &F : C.Findings) {
    if (!F.Where.InBinary) // a built file has no lines to count
      Files.insert(F.Where.File);
    // checkpatch's levels: ERROR, WARNING, and CHECK only with --strict.
    const char *Level = F.Level == Severity::Error     ? "ERROR"
                        : F.Level == Severity::Warning ? "WARNING"
                                                       : "CHECK";
    if (F.Level == Severity::Note && !C.Strict)
      continue;
    ++(F.Level == Severity::Error     ? Errors
       : F.Level == Severity::Warning ? Warnings
                                      : Checks);
    std::string Type = F.Check;
    for (char &Ch : Type)
      Ch = Ch == '-' ? '_' : std::toupper(static_cast<unsigned char>(Ch));
    std::string Path = C.Prints.relative(F.Where.File);
    OS << Level << ":" << Type << ": " << F.Message << "\n";
    if (F.Where.InBinary) {
      // A built file has no line to quote: the section and offset instead.
      Loc Rel = F.Where;
      Rel.File = Path;
      OS << "#0: FILE: " << Rel.binaryName() << ":\n\n";
      continue;
    }
    OS << "#" << F.Where.Line << ": FILE: " << Path << ":" << F.Where.Line
       << ":\n";
    OS << "+" << C.Sources.line(F.Where.File, F.Where.Line) << "\n\n";
  }
  // What could not be analyzed is an ERROR: a gate reading this log must
  // not take a failed run for a clean one.
  for (const Failure &F : C.Failures) {
    ++Errors;
    OS << "ERROR:KLP_LINT_FAILED: " << F.Message << "\n";
    if (!F.File.empty())
      OS << "#0: FILE: " << C.Prints.relative(F.File) << ":\n";
    OS << "\n";
  }
  // checkpatch counts every line it read: every analyzed file, and any
  // other file a finding is in (an included .c file, a header).
  Files.insert(C.AnalyzedFiles.begin(), C.AnalyzedFiles.end());
  size_t Lines = 0;
  for (const std::string &F : Files)
    Lines += C.Sources.lines(F).size();
  OS << "total: " << Errors << " errors, " << Warnings << " warnings, ";
  if (C.Strict)
    OS << Checks << " checks, ";
  OS << Lines << " lines checked\n";
  if (!C.Failures.empty())
    OS << "\nklp-lint could not analyze everything, please review.\n";
  else if (Errors + Warnings + Checks)
    OS << "\nklp-lint found livepatch problems, please review.\n";
  else
    OS << "\nklp-lint found no obvious livepatch problems.\n";
}

} // namespace klp
