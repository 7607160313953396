//===- Diagnostics.cpp - Findings through clang's DiagnosticsEngine -------===//

#include "Diagnostics.h"

#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/FileManager.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Basic/LangOptions.h>
#include <clang/Frontend/TextDiagnosticPrinter.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <tuple>

using namespace clang;

namespace klp {

/// A location of this TU as is; one of an earlier TU by file/line/col.
static SourceLocation toSourceLocation(SourceManager &SM, const Loc &L,
                                       unsigned CurrentTU) {
  if (!L.valid())
    return SourceLocation();
  if (L.TU == CurrentTU && L.Raw)
    return SourceLocation::getFromRawEncoding(L.Raw);
  auto FE = SM.getFileManager().getOptionalFileRef(L.File);
  if (!FE)
    return SourceLocation();
  FileID FID = SM.translateFile(*FE);
  if (FID.isInvalid())
    FID = SM.createFileID(*FE, SourceLocation(), SrcMgr::C_User);
  return SM.translateLineCol(FID, L.Line, L.Col);
}

static DiagnosticsEngine::Level level(Severity S) {
  switch (S) {
  case Severity::Note: return DiagnosticsEngine::Note;
  case Severity::Warning: return DiagnosticsEngine::Warning;
  case Severity::Error: return DiagnosticsEngine::Error;
  }
  return DiagnosticsEngine::Warning;
}

void emitFindings(DiagnosticsEngine &Diags, std::vector<Finding> &Findings,
                  unsigned CurrentTU) {
  SourceManager &SM = Diags.getSourceManager();
  unsigned NoteID = Diags.getCustomDiagID(DiagnosticsEngine::Note, "%0");
  for (const Finding &F : Findings) {
    // A custom id per level; the message carries the check name the way
    // clang-tidy does, so -verify and log scrapers both see it.
    unsigned ID = Diags.getCustomDiagID(level(F.Level), "%0");
    std::string Tag = F.Promoted ? F.Check + ",-warnings-as-errors" : F.Check;
    // A note-level finding stands alone; clang would otherwise drop it (or
    // attach it to an unrelated warning) depending on what came before.
    if (F.Level == Severity::Note)
      Diags.setLastDiagnosticIgnored(false);
    {
      // The builder emits when it goes out of scope: before the notes.
      DiagnosticBuilder DB =
          Diags.Report(toSourceLocation(SM, F.Where, CurrentTU), ID);
      DB << (F.Message + " [" + Tag + "]");
      for (const FixIt &X : F.Fixes) {
        SourceLocation At = toSourceLocation(SM, X.Where, CurrentTU);
        if (At.isValid())
          DB << FixItHint::CreateReplacement(
              CharSourceRange::getCharRange(At, At.getLocWithOffset(X.Length)),
              X.Text);
      }
    }
    for (const Note &N : F.Notes)
      Diags.Report(toSourceLocation(SM, N.Where, CurrentTU), NoteID)
          << N.Message;
  }
}

void emitStandalone(std::vector<Finding> &Findings) {
  if (Findings.empty())
    return;
  auto Opts = llvm::makeIntrusiveRefCnt<DiagnosticOptions>();
  Opts->ShowColors = llvm::errs().has_colors();
  TextDiagnosticPrinter Printer(llvm::errs(), Opts.get());
  DiagnosticsEngine Diags(llvm::makeIntrusiveRefCnt<DiagnosticIDs>(), Opts,
                          &Printer, /*ShouldOwnClient=*/false);
  FileManager Files{FileSystemOptions()};
  SourceManager SM(Diags, Files);
  Diags.setSourceManager(&SM);
  LangOptions LO;
  Printer.BeginSourceFile(LO, nullptr);
  emitFindings(Diags, Findings, ~0u);
  Printer.EndSourceFile();
}

} // namespace klp
