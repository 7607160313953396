// SPDX-License-Identifier: GPL-2.0-only
//===- Parse.cpp - One parse per translation unit -------------------------===//

#include "driver/Parse.h"
#include "driver/Preamble.h"
#include "extract/Walker.h"
#include "support/Embedded.h"

#include <clang/AST/ASTConsumer.h>
#include <clang/Basic/DiagnosticSema.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Frontend/TextDiagnosticPrinter.h>
#include <clang/Frontend/Utils.h>
#include <llvm/Support/Path.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/Support/raw_ostream.h>

#include <ctime>

using namespace clang;

namespace klp {

const std::string &embeddedFallbackDir() {
  static const std::string Dir = std::string(EmbeddedIncludeDir) + "-fallback";
  return Dir;
}

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
makeFileSystem(const std::map<std::string, std::string> &Files) {
  auto Overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::createPhysicalFileSystem());
  auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  for (const EmbeddedFile &F : embeddedHeaders()) {
    Memory->addFile(std::string(EmbeddedIncludeDir) + "/" + F.Path, 0,
                    llvm::MemoryBuffer::getMemBuffer(F.Text));
    llvm::StringRef P(F.Path);
    if (P == "kpatch-macros.h" || P == "linux/livepatch_helpers.h")
      Memory->addFile(embeddedFallbackDir() + "/" + F.Path, 0,
                      llvm::MemoryBuffer::getMemBuffer(F.Text));
  }
  // The files the patches change: same paths, patched text. Their time is
  // now, never the file's own, so nothing keyed by size and time (a PCH)
  // takes one for the other.
  for (const auto &[Path, Text] : Files)
    Memory->addFile(Path, std::time(nullptr),
                    llvm::MemoryBuffer::getMemBuffer(Text, Path));
  Overlay->pushOverlay(Memory);
  return Overlay;
}

namespace {

/// Prints klp-lint's findings and, unless \p Quiet (kbuild modes: the real
/// compiler already printed its view of the file), the compiler's own
/// diagnostics.
class KlpDiagConsumer : public DiagnosticConsumer {
public:
  KlpDiagConsumer(bool Quiet, llvm::raw_ostream &OS, bool Colors,
                  ParseHooks &Hooks)
      : Quiet(Quiet), Opts(makeOpts(Colors)), Printer(OS, Opts.get()),
        Hooks(Hooks) {}
  void BeginSourceFile(const LangOptions &LO, const Preprocessor *PP) override {
    Printer.BeginSourceFile(LO, PP);
  }
  void EndSourceFile() override { Printer.EndSourceFile(); }
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    bool Ours = Info.getID() >= diag::DIAG_UPPER_LIMIT;
    if (Level >= DiagnosticsEngine::Error && !Info.hasSourceManager())
      ++Hooks.DriverErrors;
    if (Level == DiagnosticsEngine::Error && missingCallbacksMember(Info)) {
      // callbacks-per-object reports this instead (and its notes go too).
      Hooks.Tolerated.push_back(
          {Info.getLocation().getRawEncoding(),
           Info.getID() == diag::err_no_member});
      LastWasTolerated = true;
      return;
    }
    if (Level == DiagnosticsEngine::Note && LastWasTolerated)
      return;
    LastWasTolerated = false;
    // A note of the compiler's (a macro expansion, say) goes with the
    // diagnostic before it; a note of ours is either a note-level finding
    // or a finding's own note, and is shown whatever came before (hidden
    // compiler warnings must not take a note-level finding with them).
    if (Level != DiagnosticsEngine::Note || Ours)
      LastWasOurs = Ours;
    if (Level == DiagnosticsEngine::Note && !Ours)
      Ours = LastWasOurs;
    // Nothing is counted here, so clang prints no "N errors generated.":
    // klp-lint says itself which file failed and why (and the engine's own
    // counters still tell that it failed).
    if (Ours || !Quiet)
      Printer.HandleDiagnostic(Level, Info);
  }

private:
  /// "field designator 'callbacks' does not refer to any field in type
  /// 'struct klp_object'" and "no member named 'callbacks' in 'struct
  /// klp_object'": per-object callbacks under headers without them.
  static bool missingCallbacksMember(const Diagnostic &Info) {
    if (Info.getID() != diag::err_field_designator_unknown &&
        Info.getID() != diag::err_no_member)
      return false;
    llvm::SmallString<128> Text;
    Info.FormatDiagnostic(Text);
    llvm::StringRef T(Text);
    return T.contains("'callbacks'") && T.ends_with("'struct klp_object'");
  }

  static llvm::IntrusiveRefCntPtr<DiagnosticOptions> makeOpts(bool Colors) {
    auto O = llvm::makeIntrusiveRefCnt<DiagnosticOptions>();
    O->ShowColors = Colors;
    return O;
  }
  bool Quiet;
  llvm::IntrusiveRefCntPtr<DiagnosticOptions> Opts;
  TextDiagnosticPrinter Printer;
  ParseHooks &Hooks;
  bool LastWasOurs = false, LastWasTolerated = false;
};

/// Every file the TU reads, system headers and the files behind a PCH
/// included: what its facts are derived from (stored facts are reused only
/// while none of them changed).
class InputCollector : public DependencyCollector {
  bool needSystemDependencies() override { return true; }
};

class KlpConsumer : public ASTConsumer {
public:
  KlpConsumer(CompilerInstance &CI, unsigned Index, ParseHooks &Hooks)
      : CI(CI), Hooks(Hooks), X(CI, Index, Hooks.Extractors, Hooks.Profile),
        Inputs(std::make_shared<InputCollector>()) {
    X.attachPreprocessor();
    Inputs->attachToPreprocessor(CI.getPreprocessor());
    CI.addDependencyCollector(Inputs); // for the PCH's inputs, loaded next
  }
  void HandleTranslationUnit(ASTContext &Ctx) override {
    for (auto [Raw, Assignment] : Hooks.Tolerated)
      X.missingCallbacksMember(SourceLocation::getFromRawEncoding(Raw),
                               Assignment);
    std::vector<std::string> Files;
    for (const std::string &D : Inputs->getDependencies()) {
      llvm::SmallString<256> Path(D);
      CI.getFileManager().makeAbsolutePath(Path);
      llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
      Files.push_back(std::string(Path));
    }
    X.setInputs(std::move(Files));
    Hooks.Parsed(CI, Ctx, X);
  }
  /// The fast path: kernel headers' function bodies are parsed for nothing
  /// (facts come only from the livepatch's own files), so skip them. Only
  /// asked when SkipFunctionBodies is on (not under --full-parse).
  bool shouldSkipFunctionBody(Decl *D) override { return !X.isOwn(D); }

private:
  CompilerInstance &CI;
  ParseHooks &Hooks;
  TUExtraction X;
  std::shared_ptr<InputCollector> Inputs;
};

class KlpAction : public ASTFrontendAction {
public:
  KlpAction(unsigned Index, bool FullParse, ParseHooks &Hooks)
      : Index(Index), FullParse(FullParse), Hooks(Hooks) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    CI.getFrontendOpts().SkipFunctionBodies = !FullParse;
    return std::make_unique<KlpConsumer>(CI, Index, Hooks);
  }
  /// Under -verify the consumer checks expectations when the file ends, after
  /// the findings were reported; a mismatch must fail the run.
  void EndSourceFileAction() override {
    CompilerInstance &CI = getCompilerInstance();
    if (CI.getDiagnosticOpts().VerifyDiagnostics &&
        CI.getDiagnosticClient().getNumErrors())
      Hooks.VerifyFailed();
  }

private:
  unsigned Index;
  bool FullParse;
  ParseHooks &Hooks;
};

class KlpActionFactory : public tooling::FrontendActionFactory {
public:
  KlpActionFactory(unsigned Index, bool FullParse, ParseHooks &Hooks)
      : Index(Index), FullParse(FullParse), Hooks(Hooks) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<KlpAction>(Index, FullParse, Hooks);
  }

private:
  unsigned Index;
  bool FullParse;
  ParseHooks &Hooks;
};

} // namespace

std::string parseTU(const TUInput &TU, unsigned Index, const ParseOptions &Opts,
                    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                    llvm::IntrusiveRefCntPtr<FileManager> Files,
                    llvm::raw_ostream &OS, ParseHooks &Hooks, bool AllowPch) {
  std::vector<std::string> Args = TU.Args;
  std::string PchUsed;
  if (!Opts.FullParse && AllowPch) {
    std::vector<std::string> Pch = preambleArgs(
        TU.File, Args, TU.Directory, Opts.PchCache, FS, embeddedHeadersDigest(),
        Opts.Plan.get());
    Args.insert(Args.end(), Pch.begin(), Pch.end());
    if (Pch.size() == 2)
      PchUsed = Pch[1];
  }
  OneCommandDatabase DB(tooling::CompileCommand(TU.Directory, TU.File, Args, ""));
  tooling::ClangTool Tool(DB, {TU.File}, std::make_shared<PCHContainerOperations>(),
                          FS, Files);
  Tool.setPrintErrorMessage(false);
  // Under -verify clang's own consumer must see every diagnostic.
  KlpDiagConsumer Consumer(Opts.Quiet, OS, Opts.Colors, Hooks);
  bool Verify = std::any_of(TU.Args.begin(), TU.Args.end(), [](const std::string &A) {
    return llvm::StringRef(A).starts_with("-verify");
  });
  if (!Verify)
    Tool.setDiagnosticConsumer(&Consumer);
  KlpActionFactory Factory(Index, Opts.FullParse, Hooks);
  Tool.run(&Factory);
  return PchUsed;
}

} // namespace klp
