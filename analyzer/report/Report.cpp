// SPDX-License-Identifier: GPL-2.0-only
//===- Report.cpp - Findings from admission to output ---------------------===//

#include "report/Report.h"
#include "support/Output.h"

#include <llvm/Support/raw_ostream.h>

namespace klp {

Reporter::~Reporter() = default;

Report::Report(ReportOptions O)
    : Opts(std::move(O)), Out(makeReporter(Opts.Format)),
      Prints(Sources, Opts.SourceRoot) {}

Report::~Report() = default;

std::vector<Finding> Report::admit(std::vector<Finding> Findings,
                                   const GlobList &WarningsAsErrors,
                                   bool Expected) {
  std::lock_guard<std::mutex> Guard(Lock);
  sortFindings(Findings);
  std::vector<Finding> Shown;
  for (Finding &F : Findings) {
    if (F.Level == Severity::Warning && WarningsAsErrors.matches(F.Check)) {
      F.Level = Severity::Error;
      F.Promoted = true;
    }
    F.Fingerprint = Prints.fingerprint(F);
    AllPrints.insert(F.Fingerprint);
    if (Nolint.suppresses(F)) {
      ++ByNolint;
      continue;
    }
    if (F.Where.InBinary ? !Opts.Lines.passesFile(F.Where.File)
                         : !Opts.Lines.passes(F.Where.File, F.Where.Line)) {
      ++ByLines;
      continue;
    }
    if (Opts.Baseline.count(F.Fingerprint)) {
      ++ByBaseline;
      continue;
    }
    if (Opts.Diff && Opts.Diff->Old.count(F.Fingerprint) &&
        !Opts.Diff->Changed.passes(F.Where.File, F.Where.Line)) {
      ++ByDiff;
      continue;
    }
    if (Opts.CollectOnly)
      continue;
    if (F.Level == Severity::Error && !Expected)
      ++Errors;
    Shown.push_back(F);
    Kept.push_back(F);
  }
  // Unmatched NOLINTBEGIN/END of the files just read are findings too.
  for (Finding &P : Nolint.takeProblems()) {
    if (Opts.CollectOnly)
      continue;
    P.Fingerprint = Prints.fingerprint(P);
    Shown.push_back(P);
    Kept.push_back(P);
  }
  return Shown;
}

void Report::emit(const std::vector<Finding> &Shown, LiveTU *Live,
                  llvm::raw_ostream &OS) {
  Out->emit(Shown, Live, OS);
}

void Report::fail(Failure F, llvm::raw_ostream &OS) {
  if (!Opts.CollectOnly)
    OS << (Opts.FailuresAreWarnings ? "klp-lint: warning: " : "klp-lint: error: ")
     << F.Message << "\n";
  std::lock_guard<std::mutex> Guard(Lock);
  Failures.push_back(std::move(F));
}

void Report::record(Failure F) {
  std::lock_guard<std::mutex> Guard(Lock);
  Failures.push_back(std::move(F));
}

void Report::analyzed(const std::string &MainFile, bool HasLines) {
  std::lock_guard<std::mutex> Guard(Lock);
  ++Analyzed;
  if (HasLines)
    AnalyzedFiles.insert(MainFile);
}

bool Report::finish() {
  bool Ok = true;
  sortFindings(Kept);
  RenderContext C{Kept,          Failures,    Sources,      Prints,
                  Opts.SourceRoot, Opts.Strict, AnalyzedFiles};
  Out->finish(C);
  llvm::outs().flush();
  if (!Opts.ExportFixes.empty())
    if (std::optional<std::string> Why = writeFile(
            Opts.ExportFixes, [&](llvm::raw_ostream &OS) {
              renderExportFixes(C, Opts.BuildDirectory, OS);
            })) {
      llvm::errs() << "klp-lint: error: " << *Why << "\n";
      Ok = false;
    }
  if (!Opts.WriteBaseline.empty()) {
    std::string Error;
    if (!writeBaseline(Opts.WriteBaseline, AllPrints, Error)) {
      llvm::errs() << "klp-lint: error: " << Error << "\n";
      Ok = false;
    }
  }
  // Like clang-tidy, a clean run prints nothing at all.
  unsigned Suppressed = ByNolint + ByLines + ByBaseline + ByDiff;
  if (!Opts.Quiet && Analyzed && (!Kept.empty() || Suppressed)) {
    unsigned Warnings = 0, Errs = 0, Notes = 0;
    std::set<std::string> Files;
    for (const Finding &F : Kept) {
      Files.insert(F.Where.File);
      ++(F.Level == Severity::Error     ? Errs
         : F.Level == Severity::Warning ? Warnings
                                        : Notes);
    }
    llvm::errs() << Warnings << (Warnings == 1 ? " warning, " : " warnings, ")
                 << Errs << (Errs == 1 ? " error" : " errors");
    if (Notes)
      llvm::errs() << ", " << Notes << (Notes == 1 ? " note" : " notes");
    llvm::errs() << " in " << Files.size()
                 << (Files.size() == 1 ? " file" : " files");
    if (Suppressed)
      llvm::errs() << " (suppressed " << Suppressed << ": " << ByNolint
                   << " NOLINT, " << ByLines << " line filter, " << ByBaseline
                   << " baseline"
                   << (Opts.Diff ? ", " + std::to_string(ByDiff) +
                                       " not new since " + Opts.Diff->Rev
                                 : std::string())
                   << ")";
    llvm::errs() << "\n";
  }
  return Ok;
}

} // namespace klp
