// SPDX-License-Identifier: GPL-2.0-only
//===- Text.cpp - Findings as clang diagnostics, and the reporters --------===//
//
// Text output is clang's: file:line:col, the source line, a caret, notes,
// fix-its and -verify all come from the DiagnosticsEngine of the translation
// unit being parsed. Findings located in another translation unit of the
// module are mapped into this one's SourceManager by file, line and column.
//
//===----------------------------------------------------------------------===//

#include "report/Reporter.h"

#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/FileManager.h>
#include <clang/Basic/LangOptions.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/TextDiagnosticPrinter.h>
#include <llvm/Support/raw_ostream.h>

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

static void emitInto(DiagnosticsEngine &Diags,
                     const std::vector<Finding> &Findings, unsigned CurrentTU) {
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
        // clang shows a fix-it on another line as a snippet of every line
        // in between, without its text: those are --export-fixes' only.
        if (X.Where.File != F.Where.File || X.Where.Line != F.Where.Line)
          continue;
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

/// "file:line:col" or the binary place.
static std::string placeName(const Loc &L) {
  if (L.InBinary)
    return L.binaryName();
  if (!L.valid())
    return L.File;
  return L.File + ":" + std::to_string(L.Line) + ":" + std::to_string(L.Col);
}

/// One line in clang's shape and colours: bold place, coloured level, bold
/// message.
static void printLine(llvm::raw_ostream &OS, const Loc &L, Severity S,
                      const std::string &Message) {
  // As clang's own printer decides for a stream with no live TU.
  bool Colors = OS.has_colors();
  auto Bold = [&](llvm::raw_ostream::Colors C) {
    if (Colors)
      OS.changeColor(C, /*Bold=*/true);
  };
  auto Reset = [&] {
    if (Colors)
      OS.resetColor();
  };
  std::string Place = placeName(L);
  if (!Place.empty()) {
    Bold(llvm::raw_ostream::SAVEDCOLOR);
    OS << Place << ": ";
    Reset();
  }
  Bold(S == Severity::Error     ? llvm::raw_ostream::RED
       : S == Severity::Warning ? llvm::raw_ostream::MAGENTA
                                : llvm::raw_ostream::BLACK);
  OS << severityName(S) << ": ";
  Reset();
  Bold(llvm::raw_ostream::SAVEDCOLOR);
  OS << Message;
  Reset();
  OS << "\n";
}

/// A finding in a built file (or with notes there) has no source line for
/// clang to show: it is printed as clang would print a line without one.
static void printBinary(const Finding &F, llvm::raw_ostream &OS) {
  std::string Tag = F.Promoted ? F.Check + ",-warnings-as-errors" : F.Check;
  printLine(OS, F.Where, F.Level, F.Message + " [" + Tag + "]");
  for (const Note &N : F.Notes)
    printLine(OS, N.Where, Severity::Note, N.Message);
}

static bool touchesBinary(const Finding &F) {
  if (F.Where.InBinary)
    return true;
  for (const Note &N : F.Notes)
    if (N.Where.InBinary)
      return true;
  return false;
}

void emitText(const std::vector<Finding> &Findings, LiveTU *Live,
              llvm::raw_ostream &OS) {
  if (Findings.empty())
    return;
  if (Live) {
    emitInto(Live->Diags, Findings, Live->Index);
    return;
  }
  if (llvm::any_of(Findings, touchesBinary)) {
    // Built files (ELF checks, products with .ko modules): in order, the
    // source findings among them through clang one by one.
    for (const Finding &F : Findings)
      if (touchesBinary(F))
        printBinary(F, OS);
      else
        emitText({F}, nullptr, OS);
    return;
  }
  // No translation unit is alive (a module joined in kbuild modes): a fresh
  // SourceManager reads the files the locations name.
  auto Opts = llvm::makeIntrusiveRefCnt<DiagnosticOptions>();
  Opts->ShowColors = OS.has_colors();
  TextDiagnosticPrinter Printer(OS, Opts.get());
  DiagnosticsEngine Diags(llvm::makeIntrusiveRefCnt<DiagnosticIDs>(), Opts,
                          &Printer, /*ShouldOwnClient=*/false);
  FileManager Files{FileSystemOptions()};
  SourceManager SM(Diags, Files);
  Diags.setSourceManager(&SM);
  LangOptions LO;
  Printer.BeginSourceFile(LO, nullptr);
  emitInto(Diags, Findings, ~0u);
  Printer.EndSourceFile();
}

namespace {

class TextReporter : public Reporter {
public:
  void emit(const std::vector<Finding> &Shown, LiveTU *Live,
            llvm::raw_ostream &OS) override {
    emitText(Shown, Live, OS);
  }
};

/// The machine formats print once, at the end, on stdout.
class EndReporter : public Reporter {
public:
  using Render = void (*)(const RenderContext &, llvm::raw_ostream &);
  explicit EndReporter(Render R) : R(R) {}
  void finish(const RenderContext &C) override { R(C, llvm::outs()); }

private:
  Render R;
};

} // namespace

std::unique_ptr<Reporter> makeReporter(OutputFormat Format) {
  switch (Format) {
  case OutputFormat::Text:
    break;
  case OutputFormat::Json:
    return std::make_unique<EndReporter>(renderJson);
  case OutputFormat::Sarif:
    return std::make_unique<EndReporter>(renderSarif);
  case OutputFormat::Checkpatch:
    return std::make_unique<EndReporter>(renderCheckpatch);
  }
  return std::make_unique<TextReporter>();
}

} // namespace klp
