//===- Driver.cpp - Run the analysis over modules -------------------------===//
//
// One parse per translation unit. After each TU its facts join the module
// model and the TU-scope checks run; after the module's last TU the
// module-scope checks run while that TU's diagnostics engine is still alive.
// A TU that fails to parse contributes nothing, and its module gets no
// module-scope findings (a partial model would produce false ones).
//
//===----------------------------------------------------------------------===//

#include "Driver.h"
#include "Diagnostics.h"
#include "ModelBuilder.h"

#include <clang/AST/ASTConsumer.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Frontend/TextDiagnosticPrinter.h>
#include <clang/Tooling/CompilationDatabase.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/VirtualFileSystem.h>
#include <llvm/Support/raw_ostream.h>

#include <map>

using namespace clang;

namespace klp {

struct EmbeddedFile {
  const char *Path; // relative to EmbeddedIncludeDir
  const char *Text;
};
extern const EmbeddedFile EmbeddedFiles[];
extern const size_t NumEmbeddedFiles;

const char EmbeddedIncludeDir[] = "/klp-lint-embedded/include";

namespace {

struct TUInput {
  std::string File;
  std::string Directory;
  std::vector<std::string> Args; // adjusted, argv[0] first, file included
  std::string Problem;           // why it cannot even be parsed, if so
};

struct ModuleInput {
  std::string Name;
  std::vector<TUInput> TUs;
};

/// Exactly one command for one file.
class SingleCommandDatabase : public tooling::CompilationDatabase {
public:
  explicit SingleCommandDatabase(tooling::CompileCommand C) : C(std::move(C)) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(StringRef) const override {
    return {C};
  }
  std::vector<std::string> getAllFiles() const override { return {C.Filename}; }

private:
  tooling::CompileCommand C;
};

struct Outcome {
  bool CannotAnalyze = false;
  bool Quiet = false; ///< kbuild modes: a failure is the build's business

  void fail(const std::string &Why) {
    llvm::errs() << (Quiet ? "klp-lint: warning: " : "klp-lint: error: ")
                 << Why << "\n";
    CannotAnalyze = true;
  }
};

/// Prints klp-lint's findings and, unless \p Quiet (kbuild modes: the real
/// compiler already printed its view of the file), the compiler's own
/// diagnostics. Only the compiler's are counted, so clang's "N warnings
/// generated." speaks of the compiler alone; the summary line speaks of ours.
class KlpDiagConsumer : public DiagnosticConsumer {
public:
  explicit KlpDiagConsumer(bool Quiet)
      : Quiet(Quiet), Opts(makeOpts()), Printer(llvm::errs(), Opts.get()) {}
  void BeginSourceFile(const LangOptions &LO, const Preprocessor *PP) override {
    Printer.BeginSourceFile(LO, PP);
  }
  void EndSourceFile() override { Printer.EndSourceFile(); }
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    bool Ours = Info.getID() >= diag::DIAG_UPPER_LIMIT;
    if (Level != DiagnosticsEngine::Note)
      LastWasOurs = Ours;
    if (Level == DiagnosticsEngine::Note)
      Ours = LastWasOurs;
    // Quiet: not even clang's "N errors generated." may reach a build log.
    if (!Ours && !Quiet)
      DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Ours || !Quiet)
      Printer.HandleDiagnostic(Level, Info);
  }

private:
  static llvm::IntrusiveRefCntPtr<DiagnosticOptions> makeOpts() {
    auto O = llvm::makeIntrusiveRefCnt<DiagnosticOptions>();
    O->ShowColors = llvm::errs().has_colors();
    return O;
  }
  bool Quiet;
  llvm::IntrusiveRefCntPtr<DiagnosticOptions> Opts;
  TextDiagnosticPrinter Printer;
  bool LastWasOurs = false;
};

/// The state of one module while its translation units are parsed.
class ModuleRun {
public:
  ModuleRun(const ModuleInput &In,
            const std::vector<std::unique_ptr<Check>> &Checks,
            const RunOptions &Opts, Outcome &Result)
      : In(In), Checks(Checks), Opts(Opts), Result(Result) {
    Model.Name = In.Name;
  }

  /// Called from the consumer of TU \p Index once it is parsed.
  void tuParsed(unsigned Index, CompilerInstance &CI, ASTContext &Ctx,
                ModelBuilder &Builder) {
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    if (Diags.hasErrorOccurred()) {
      // Our findings are emitted only after this point, so every error so
      // far is the compiler's.
      unsigned N = Diags.getNumErrors();
      failTU(Index, N == 1 ? "1 compiler error"
                           : std::to_string(N) + " compiler errors");
      return;
    }
    Model.TUs.push_back(Builder.build(Ctx));
    Parsed[Index] = true;
    Opts.Sink->analyzed();
    if (Opts.FactsOut)
      Opts.FactsOut->push_back(Model.TUs.back());

    std::vector<Finding> Findings;
    ModuleModel Single;
    Single.Name = In.Name;
    Single.TUs.push_back(Model.TUs.back());
    for (const auto &C : Checks)
      if (scopeOf(*C) == Scope::TU)
        C->check(Single, Findings);
    if (Index + 1 == In.TUs.size() && complete() && !Opts.DeferModuleChecks)
      for (const auto &C : Checks)
        if (scopeOf(*C) == Scope::Module)
          C->check(Model, Findings);
    std::vector<Finding> Shown = Opts.Sink->admit(std::move(Findings));
    if (Opts.Sink->format() == OutputFormat::Text)
      emitFindings(Diags, Shown, Index);
  }

  void failTU(unsigned Index, const std::string &Why) {
    Failed[Index] = true;
    Result.fail("cannot analyze '" + In.TUs[Index].File + "': " + Why);
  }

  bool parsed(unsigned Index) const { return Parsed.count(Index); }
  bool failed(unsigned Index) const { return Failed.count(Index); }

  void finish() {
    if (!complete() && In.TUs.size() > 1)
      Result.fail("module '" + In.Name +
                  "': module-wide checks skipped because not every "
                  "translation unit could be analyzed");
  }

private:
  static Scope scopeOf(const Check &C) {
    for (const CheckInfo &I : allChecks())
      if (I.Name == C.name())
        return I.CheckScope;
    return Scope::TU;
  }
  bool complete() const { return Failed.empty(); }

  const ModuleInput &In;
  const std::vector<std::unique_ptr<Check>> &Checks;
  const RunOptions &Opts;
  Outcome &Result;
  ModuleModel Model;
  std::map<unsigned, bool> Parsed, Failed;
};

class KlpConsumer : public ASTConsumer {
public:
  KlpConsumer(CompilerInstance &CI, ModuleRun &Run, unsigned Index)
      : CI(CI), Run(Run), Index(Index), Builder(CI, Index) {
    Builder.attachPreprocessor();
  }
  void HandleTranslationUnit(ASTContext &Ctx) override {
    Run.tuParsed(Index, CI, Ctx, Builder);
  }

private:
  CompilerInstance &CI;
  ModuleRun &Run;
  unsigned Index;
  ModelBuilder Builder;
};

class KlpAction : public ASTFrontendAction {
public:
  KlpAction(ModuleRun &Run, unsigned Index) : Run(Run), Index(Index) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    return std::make_unique<KlpConsumer>(CI, Run, Index);
  }
  /// Under -verify the consumer checks expectations when the file ends, after
  /// the findings were reported; a mismatch must fail the run.
  void EndSourceFileAction() override {
    CompilerInstance &CI = getCompilerInstance();
    if (CI.getDiagnosticOpts().VerifyDiagnostics &&
        CI.getDiagnosticClient().getNumErrors() && !Run.failed(Index))
      Run.failTU(Index, "-verify found unexpected or missing diagnostics");
  }

private:
  ModuleRun &Run;
  unsigned Index;
};

class KlpActionFactory : public tooling::FrontendActionFactory {
public:
  KlpActionFactory(ModuleRun &Run, unsigned Index) : Run(Run), Index(Index) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<KlpAction>(Run, Index);
  }

private:
  ModuleRun &Run;
  unsigned Index;
};

std::string absolutePath(const std::string &P) {
  llvm::SmallString<256> Abs(P);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

std::string stem(const std::string &File) {
  std::string S = llvm::sys::path::stem(File).str();
  for (char &C : S)
    if (C == '-')
      C = '_';
  return S;
}

/// Build the list of modules, or report why not.
bool collectModules(const RunOptions &Opts, std::vector<ModuleInput> &Modules,
                    Outcome &Result) {
  std::unique_ptr<tooling::CompilationDatabase> DB;
  std::vector<std::string> Files;
  for (const std::string &F : Opts.Files)
    Files.push_back(absolutePath(F));

  if (!Opts.BuildDir.empty()) {
    std::string Error;
    DB = tooling::CompilationDatabase::loadFromDirectory(Opts.BuildDir, Error);
    if (!DB) {
      Result.fail("cannot read compile database in '" + Opts.BuildDir +
                  "': " + Error);
      return false;
    }
    if (Files.empty())
      Files = DB->getAllFiles();
  } else {
    std::vector<std::string> Args;
    if (Opts.CompilerArgs && !Opts.CompilerArgs->empty())
      Args = *Opts.CompilerArgs;
    else
      // The embedded default: kernel-support's generation C headers.
      Args = {"-std=gnu11", std::string("-I") + EmbeddedIncludeDir};
    DB = std::make_unique<tooling::FixedCompilationDatabase>(".", Args);
  }
  if (Files.empty()) {
    Result.fail("no input files");
    return false;
  }

  std::map<std::string, size_t> ByName;
  bool CommandLineModule = Opts.BuildDir.empty();
  auto Add = [&](const std::string &Key, const std::string &Name,
                 const std::string &File, TUInput TU) {
    auto [It, New] = ByName.try_emplace(Key, Modules.size());
    if (New)
      Modules.push_back({Name.empty() ? stem(File) : Name, {}});
    Modules[It->second].TUs.push_back(std::move(TU));
  };
  for (const std::string &File : Files) {
    // A file that cannot be read still belongs to its module: the module
    // is then incomplete and gets no module-scope findings.
    if (!llvm::sys::fs::exists(File)) {
      Add(CommandLineModule ? "" : File, "", File,
          TUInput{File, "", {}, "no such file"});
      continue;
    }
    std::vector<tooling::CompileCommand> Cmds =
        Opts.FullCommand
            ? std::vector<tooling::CompileCommand>{tooling::CompileCommand(
                  ".", File, *Opts.FullCommand, "")}
            : DB->getCompileCommands(File);
    if (Cmds.empty()) {
      Result.fail("cannot analyze '" + File + "': no compile command for it in '" +
                  Opts.BuildDir + "/compile_commands.json'");
      continue;
    }
    for (const tooling::CompileCommand &C : Cmds) {
      TUInput TU{File, C.Directory, adjustArguments(C.CommandLine, Opts.Adjust),
                 ""};
      std::string Name = kbuildModName(C.CommandLine);
      // Files named on one command line form one module; a database groups
      // its entries by KBUILD_MODNAME.
      Add(CommandLineModule ? "" : (Name.empty() ? File : Name), Name, File,
          std::move(TU));
    }
  }
  return true;
}

/// The real file system with the embedded headers laid over it.
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> makeFileSystem() {
  auto Overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  for (size_t I = 0; I < NumEmbeddedFiles; ++I)
    Memory->addFile(std::string(EmbeddedIncludeDir) + "/" + EmbeddedFiles[I].Path,
                    0, llvm::MemoryBuffer::getMemBuffer(EmbeddedFiles[I].Text));
  Overlay->pushOverlay(Memory);
  return Overlay;
}

} // namespace

int runAnalysis(const RunOptions &Opts) {
  Outcome Result;
  Result.Quiet = Opts.KbuildQuiet;
  std::vector<std::unique_ptr<Check>> Checks =
      createChecks(Opts.Checks, Opts.Options);
  for (const std::string &P : Opts.Options.problems())
    Result.fail(P);
  if (Result.CannotAnalyze)
    return ExitCannotAnalyze;

  std::vector<ModuleInput> Modules;
  collectModules(Opts, Modules, Result);

  auto FS = makeFileSystem();
  auto Files = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions(), FS);
  auto PCH = std::make_shared<PCHContainerOperations>();
  for (const ModuleInput &M : Modules) {
    ModuleRun Run(M, Checks, Opts, Result);
    for (unsigned I = 0; I < M.TUs.size(); ++I) {
      const TUInput &TU = M.TUs[I];
      if (!TU.Problem.empty()) {
        Run.failTU(I, TU.Problem);
        continue;
      }
      SingleCommandDatabase DB(
          tooling::CompileCommand(TU.Directory, TU.File, TU.Args, ""));
      tooling::ClangTool Tool(DB, {TU.File}, PCH, FS, Files);
      Tool.setPrintErrorMessage(false);
      // Under -verify clang's own consumer must see every diagnostic.
      KlpDiagConsumer Consumer(Opts.KbuildQuiet);
      bool Verify = std::find(TU.Args.begin(), TU.Args.end(),
                              "-verify=klp") != TU.Args.end() ||
                    std::any_of(TU.Args.begin(), TU.Args.end(),
                                [](const std::string &A) {
                                  return llvm::StringRef(A).starts_with("-verify");
                                });
      if (!Verify)
        Tool.setDiagnosticConsumer(&Consumer);
      KlpActionFactory Factory(Run, I);
      Tool.run(&Factory);
      if (!Run.parsed(I) && !Run.failed(I))
        Run.failTU(I, "the compiler could not start");
    }
    Run.finish();
  }
  if (Result.CannotAnalyze)
    return ExitCannotAnalyze;
  return Opts.Sink->promoted() ? ExitPromoted : ExitClean;
}

int joinModule(const std::string &Name, std::vector<TUFacts> TUs,
               const RunOptions &Opts) {
  ModuleModel Model;
  Model.Name = Name;
  Model.TUs = std::move(TUs);
  std::vector<Finding> Findings;
  for (const auto &C : createChecks(Opts.Checks, Opts.Options))
    for (const CheckInfo &I : allChecks())
      if (I.Name == C->name() && I.CheckScope == Scope::Module)
        C->check(Model, Findings);
  unsigned Before = Opts.Sink->promoted();
  std::vector<Finding> Shown = Opts.Sink->admit(std::move(Findings));
  if (Opts.Sink->format() == OutputFormat::Text)
    emitStandalone(Shown);
  return Opts.Sink->promoted() > Before ? ExitPromoted : ExitClean;
}

} // namespace klp
