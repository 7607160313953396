//===- Report.cpp - Findings from filtering to rendering ------------------===//

#include "Report.h"
#include "Renderers.h"

#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <tuple>

namespace klp {

Report::Report(ReportOptions O)
    : Opts(std::move(O)), Prints(Sources, Opts.SourceRoot) {}

std::vector<Finding> Report::admit(std::vector<Finding> Findings,
                                   const CheckFilter &WarningsAsErrors) {
  std::lock_guard<std::mutex> Guard(Lock);
  std::stable_sort(Findings.begin(), Findings.end(),
                   [](const Finding &A, const Finding &B) {
                     return std::tie(A.Where.File, A.Where.Line, A.Where.Col) <
                            std::tie(B.Where.File, B.Where.Line, B.Where.Col);
                   });
  std::vector<Finding> Out;
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
    if (!Opts.Lines.passes(F.Where.File, F.Where.Line)) {
      ++ByLines;
      continue;
    }
    if (Opts.Baseline.count(F.Fingerprint)) {
      ++ByBaseline;
      continue;
    }
    if (F.Level == Severity::Error)
      ++Errors;
    Out.push_back(F);
    Kept.push_back(F);
  }
  // Unmatched NOLINTBEGIN/END of the files just read are findings too.
  for (Finding &P : Nolint.takeProblems()) {
    P.Fingerprint = Prints.fingerprint(P);
    Out.push_back(P);
    Kept.push_back(P);
  }
  return Out;
}

void Report::analyzed(const std::string &MainFile) {
  std::lock_guard<std::mutex> Guard(Lock);
  ++Analyzed;
  AnalyzedFiles.insert(MainFile);
}

bool Report::finish() {
  bool Ok = true;
  std::stable_sort(Kept.begin(), Kept.end(),
                   [](const Finding &A, const Finding &B) {
                     return std::tie(A.Where.File, A.Where.Line, A.Where.Col) <
                            std::tie(B.Where.File, B.Where.Line, B.Where.Col);
                   });
  RenderContext C{Kept, Sources, Prints, Opts.SourceRoot, Opts.Strict,
                  AnalyzedFiles};
  switch (Opts.Format) {
  case OutputFormat::Text:
    break;
  case OutputFormat::Json:
    renderJson(C, llvm::outs());
    break;
  case OutputFormat::Sarif:
    renderSarif(C, llvm::outs());
    break;
  case OutputFormat::Checkpatch:
    renderCheckpatch(C, llvm::outs());
    break;
  }
  llvm::outs().flush();
  if (!Opts.ExportFixes.empty()) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Opts.ExportFixes, EC);
    if (EC) {
      llvm::errs() << "klp-lint: error: cannot write '" << Opts.ExportFixes
                   << "': " << EC.message() << "\n";
      Ok = false;
    } else {
      renderExportFixes(C, Opts.BuildDirectory, OS);
    }
  }
  if (!Opts.WriteBaseline.empty()) {
    std::string Error;
    if (!writeBaseline(Opts.WriteBaseline, AllPrints, Error)) {
      llvm::errs() << "klp-lint: error: " << Error << "\n";
      Ok = false;
    }
  }
  // Like clang-tidy, a clean run prints nothing at all.
  if (!Opts.Quiet && Analyzed && (!Kept.empty() || ByNolint + ByLines + ByBaseline)) {
    unsigned Warnings = 0, Errors = 0, Notes = 0;
    std::set<std::string> Files;
    for (const Finding &F : Kept) {
      Files.insert(F.Where.File);
      ++(F.Level == Severity::Error     ? Errors
         : F.Level == Severity::Warning ? Warnings
                                        : Notes);
    }
    llvm::errs() << Warnings << (Warnings == 1 ? " warning, " : " warnings, ")
                 << Errors << (Errors == 1 ? " error" : " errors");
    if (Notes)
      llvm::errs() << ", " << Notes << (Notes == 1 ? " note" : " notes");
    llvm::errs() << " in " << Files.size()
                 << (Files.size() == 1 ? " file" : " files");
    unsigned Suppressed = ByNolint + ByLines + ByBaseline;
    if (Suppressed)
      llvm::errs() << " (suppressed " << Suppressed << ": " << ByNolint
                   << " NOLINT, " << ByLines << " line filter, " << ByBaseline
                   << " baseline)";
    llvm::errs() << "\n";
  }
  return Ok;
}

std::string defaultSourceRoot() {
  std::string Out;
  if (FILE *P = popen("git rev-parse --show-toplevel 2>/dev/null", "r")) {
    char Buf[4096];
    size_t N;
    while ((N = fread(Buf, 1, sizeof Buf, P)) > 0)
      Out.append(Buf, N);
    if (pclose(P) != 0)
      Out.clear();
  }
  while (!Out.empty() && (Out.back() == '\n' || Out.back() == '\r'))
    Out.pop_back();
  return Out.empty() ? "." : Out;
}

} // namespace klp
