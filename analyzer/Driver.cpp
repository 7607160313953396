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
#include "Preamble.h"

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

#include <llvm/Support/ThreadPool.h>
#include <llvm/Support/Threading.h>

#include <atomic>
#include <condition_variable>
#include <map>
#include <set>
#include <tuple>
#include <mutex>

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
  std::atomic<bool> CannotAnalyze{false};
  bool Quiet = false; ///< kbuild modes: a failure is the build's business

  void fail(const std::string &Why, llvm::raw_ostream &OS = llvm::errs()) {
    OS << (Quiet ? "klp-lint: warning: " : "klp-lint: error: ") << Why
       << "\n";
    CannotAnalyze = true;
  }
};

/// Prints klp-lint's findings and, unless \p Quiet (kbuild modes: the real
/// compiler already printed its view of the file), the compiler's own
/// diagnostics.
class KlpDiagConsumer : public DiagnosticConsumer {
public:
  KlpDiagConsumer(bool Quiet, llvm::raw_ostream &OS, bool Colors)
      : Quiet(Quiet), Opts(makeOpts(Colors)), Printer(OS, Opts.get()) {}
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
    // Nothing is counted here, so clang prints no "N errors generated.":
    // klp-lint says itself which file failed and why (and the engine's own
    // counters still tell that it failed).
    if (Ours || !Quiet)
      Printer.HandleDiagnostic(Level, Info);
  }

private:
  static llvm::IntrusiveRefCntPtr<DiagnosticOptions> makeOpts(bool Colors) {
    auto O = llvm::makeIntrusiveRefCnt<DiagnosticOptions>();
    O->ShowColors = Colors;
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
            const CheckFilter &WarningsAsErrors, const RunOptions &Opts,
            Outcome &Result, llvm::raw_ostream &OS)
      : In(In), Checks(Checks), WarningsAsErrors(WarningsAsErrors),
        Opts(Opts), Result(Result), OS(OS) {
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
    Opts.Sink->analyzed(Model.TUs.back().MainFile);
    if (Opts.FactsOut)
      Opts.FactsOut->push_back(Model.TUs.back());

    // TU checks follow the file's own .klp-lint.yaml; module checks the
    // module's (its first file's).
    std::vector<Finding> Findings;
    ModuleModel Single;
    Single.Name = In.Name;
    Single.TUs.push_back(Model.TUs.back());
    const Settings *Own = nullptr;
    if (settingsFor(In.TUs[Index].File, Opts, Own)) {
      std::vector<std::unique_ptr<Check>> OwnChecks =
          createChecks(Own->Checks, Own->Options);
      for (const auto &C : OwnChecks)
        if (scopeOf(*C) == Scope::TU)
          C->check(Single, Findings);
    }
    std::vector<Finding> Shown = Opts.Sink->admit(
        std::move(Findings), Own ? Own->WarningsAsErrors : WarningsAsErrors);
    if (Index + 1 == In.TUs.size() && complete() && !Opts.DeferModuleChecks) {
      std::vector<Finding> ModuleFindings;
      for (const auto &C : Checks)
        if (scopeOf(*C) == Scope::Module)
          C->check(Model, ModuleFindings);
      std::vector<Finding> More =
          Opts.Sink->admit(std::move(ModuleFindings), WarningsAsErrors);
      Shown.insert(Shown.end(), More.begin(), More.end());
      std::stable_sort(Shown.begin(), Shown.end(),
                       [](const Finding &A, const Finding &B) {
                         return std::tie(A.Where.File, A.Where.Line,
                                         A.Where.Col) <
                                std::tie(B.Where.File, B.Where.Line,
                                         B.Where.Col);
                       });
    }
    if (Opts.Sink->format() == OutputFormat::Text)
      emitFindings(Diags, Shown, Index);
  }

  void failTU(unsigned Index, const std::string &Why) {
    Failed[Index] = true;
    Result.fail("cannot analyze '" + In.TUs[Index].File + "': " + Why, OS);
  }

  bool parsed(unsigned Index) const { return Parsed.count(Index); }
  bool fullParse() const { return Opts.FullParse; }
  bool failed(unsigned Index) const { return Failed.count(Index); }

  void finish() {
    if (!complete() && In.TUs.size() > 1)
      Result.fail("module '" + In.Name +
                      "': module-wide checks skipped because not every "
                      "translation unit could be analyzed",
                  OS);
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
  const CheckFilter &WarningsAsErrors;
  const RunOptions &Opts;
  Outcome &Result;
  llvm::raw_ostream &OS;
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
  /// The fast path: kernel headers' function bodies are parsed for nothing
  /// (facts come only from the livepatch's own files), so skip them. Only
  /// asked when SkipFunctionBodies is on (not under --full-parse).
  bool shouldSkipFunctionBody(Decl *D) override { return !Builder.isOwn(D); }

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
    CI.getFrontendOpts().SkipFunctionBodies = !Run.fullParse();
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
    if (Files.empty()) {
      Files = DB->getAllFiles();
    } else {
      // A named file brings in the other files of its module: module-scope
      // checks need them all (a partial module gives false findings).
      std::set<std::string> Wanted;
      for (const std::string &F : Files)
        for (const tooling::CompileCommand &C : DB->getCompileCommands(F))
          if (std::string N = kbuildModName(C.CommandLine); !N.empty())
            Wanted.insert(N);
      std::set<std::string> Have(Files.begin(), Files.end());
      if (!Wanted.empty())
        for (const tooling::CompileCommand &C : DB->getAllCompileCommands()) {
          llvm::SmallString<256> Abs(C.Filename);
          if (!llvm::sys::path::is_absolute(Abs)) {
            Abs = C.Directory;
            llvm::sys::path::append(Abs, C.Filename);
          }
          llvm::sys::path::remove_dots(Abs, true);
          if (Wanted.count(kbuildModName(C.CommandLine)) &&
              Have.insert(std::string(Abs)).second)
            Files.push_back(std::string(Abs));
        }
    }
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
    if (!llvm::sys::fs::exists(File) || llvm::sys::fs::is_directory(File)) {
      Add(CommandLineModule ? "" : File, "", File,
          TUInput{File, "", {}, llvm::sys::fs::exists(File)
                                    ? "is a directory, not a source file"
                                    : "no such file"});
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
    const Settings *S = nullptr;
    if (!settingsFor(File, Opts, S)) {
      Add(CommandLineModule ? "" : File, "", File,
          TUInput{File, "", {}, "invalid configuration"});
      continue;
    }
    for (const tooling::CompileCommand &C : Cmds) {
      TUInput TU{File, C.Directory, adjustArguments(C.CommandLine, S->Adjust),
                 ""};
      std::string Name = kbuildModName(C.CommandLine);
      // Files named on one command line form one module; a database groups
      // its entries by KBUILD_MODNAME.
      Add(CommandLineModule ? "" : (Name.empty() ? File : Name), Name, File,
          std::move(TU));
    }
  }
  // A database's order is its generator's; sort so that output and shards
  // are the same on every run.
  if (!CommandLineModule)
    std::stable_sort(Modules.begin(), Modules.end(),
                     [](const ModuleInput &A, const ModuleInput &B) {
                       return A.Name < B.Name;
                     });
  return true;
}

/// A digest of the embedded headers' contents: they are not on disk, so a
/// PCH built from them is keyed by their text (an edited header in a new
/// build of the same version must not reuse an old PCH).
const std::string &embeddedHeadersDigest() {
  static const std::string Digest = [] {
    uint64_t H = 1469598103934665603ull;
    for (size_t I = 0; I < NumEmbeddedFiles; ++I)
      for (const char *P : {EmbeddedFiles[I].Path, EmbeddedFiles[I].Text})
        for (const char *C = P; *C; ++C)
          H = (H ^ static_cast<unsigned char>(*C)) * 1099511628211ull;
    return std::to_string(H);
  }();
  return Digest;
}

/// The real file system with the embedded headers laid over it. Each module
/// gets its own: ClangTool sets the working directory of the file system it
/// is given, and the process-wide one would make -j modules race on it.
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> makeFileSystem() {
  auto Overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::createPhysicalFileSystem());
  auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  for (size_t I = 0; I < NumEmbeddedFiles; ++I)
    Memory->addFile(std::string(EmbeddedIncludeDir) + "/" + EmbeddedFiles[I].Path,
                    0, llvm::MemoryBuffer::getMemBuffer(EmbeddedFiles[I].Text));
  Overlay->pushOverlay(Memory);
  return Overlay;
}

} // namespace

bool settingsFor(const std::string &File, const RunOptions &Opts,
                 const Settings *&Out) {
  static std::mutex Lock;
  static std::map<std::string, std::unique_ptr<Settings>> Cache;
  std::lock_guard<std::mutex> Guard(Lock);
  // Files of one directory share their .klp-lint.yaml chain.
  std::string Key = Opts.ConfigFile.empty()
                        ? llvm::sys::path::parent_path(File).str()
                        : std::string("\x01") + Opts.ConfigFile;
  auto It = Cache.find(Key);
  if (It != Cache.end()) {
    Out = It->second.get();
    return Out != nullptr;
  }
  auto S = std::make_unique<Settings>();
  bool Ok = true;
  S->Merged.Checks = {"*"};
  if (Opts.ReadConfigFiles) {
    Config FromFiles;
    Ok = configFor(File, Opts.ConfigFile, FromFiles);
    S->Merged.merge(FromFiles);
  }
  S->Merged.merge(Opts.CommandLine);
  auto Problem = [&](const std::string &Why) {
    llvm::errs() << "klp-lint: error: " << Why << "\n";
    Ok = false;
  };
  std::string Error;
  if (!CheckFilter::parse(S->Merged.checks(), S->Checks, Error) ||
      !CheckFilter::parse(S->Merged.warningsAsErrors(), S->WarningsAsErrors,
                          Error))
    Problem(Error);
  // Every option must name a check and one of its options.
  static const std::vector<std::unique_ptr<Check>> All = [] {
    CheckFilter Everything;
    std::string E;
    CheckFilter::parse("*", Everything, E);
    return createChecks(Everything, CheckOptions());
  }();
  for (const auto &[K, V] : S->Merged.CheckOptions) {
    size_t Dot = K.rfind('.');
    const Check *C = nullptr;
    for (const auto &Candidate : All)
      if (Dot != std::string::npos && Candidate->name() == K.substr(0, Dot))
        C = Candidate.get();
    std::vector<std::string> Names =
        C ? C->optionNames() : std::vector<std::string>();
    Names.push_back("Severity");
    if (!C || std::find(Names.begin(), Names.end(), K.substr(Dot + 1)) ==
                  Names.end()) {
      auto W = S->Merged.OptionWhere.find(K);
      if (W != S->Merged.OptionWhere.end()) {
        llvm::errs() << W->second << ": error: unknown check option '" << K
                     << "'\n";
        Ok = false;
      } else {
        Problem("unknown check option '" + K + "'");
      }
    }
    S->Options.set(K, V);
  }
  // Option values are checked by the checks themselves, before any parse;
  // a value read from a file is reported at its position there.
  createChecks(S->Checks, S->Options);
  for (const std::string &P : S->Options.problems()) {
    std::string At;
    for (const auto &[K, W] : S->Merged.OptionValueWhere)
      if (P.find("'" + K + "'") != std::string::npos)
        At = W;
    if (At.empty()) {
      Problem(P);
    } else {
      llvm::errs() << At << ": error: " << P << "\n";
      Ok = false;
    }
  }
  S->Options.problems().clear();
  S->Adjust.Extra = S->Merged.ExtraArgs;
  S->Adjust.Removed = S->Merged.RemovedArgs;
  S->Adjust.ResourceDir = Opts.ResourceDir;
  Out = Ok ? S.get() : nullptr;
  Cache[Key] = Ok ? std::move(S) : nullptr;
  return Ok;
}

namespace {

/// Parse every translation unit of one module and run its checks. Output
/// goes to \p OS so that modules analyzed in parallel print in order.
void analyzeModule(const ModuleInput &M, const RunOptions &Opts,
                   Outcome &Result, llvm::raw_ostream &OS, bool Colors) {
  const Settings *S = nullptr;
  if (M.TUs.empty() || !settingsFor(M.TUs.front().File, Opts, S)) {
    Result.CannotAnalyze = true;
    return;
  }
  std::vector<std::unique_ptr<Check>> Checks =
      createChecks(S->Checks, S->Options);

  // One file system view per module: FileManager is not thread-safe.
  auto FS = makeFileSystem();
  auto Files = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions(), FS);
  auto PCH = std::make_shared<PCHContainerOperations>();
  ModuleRun Run(M, Checks, S->WarningsAsErrors, Opts, Result, OS);
  for (unsigned I = 0; I < M.TUs.size(); ++I) {
    const TUInput &TU = M.TUs[I];
    if (!TU.Problem.empty()) {
      Run.failTU(I, TU.Problem);
      continue;
    }
    std::vector<std::string> Args = TU.Args;
    if (!Opts.FullParse) {
      std::vector<std::string> Pch =
          preambleArgs(TU.File, Args, TU.Directory, Opts.PchCache, FS,
                       embeddedHeadersDigest());
      Args.insert(Args.end(), Pch.begin(), Pch.end());
    }
    SingleCommandDatabase DB(
        tooling::CompileCommand(TU.Directory, TU.File, Args, ""));
    tooling::ClangTool Tool(DB, {TU.File}, PCH, FS, Files);
    Tool.setPrintErrorMessage(false);
    // Under -verify clang's own consumer must see every diagnostic.
    KlpDiagConsumer Consumer(Opts.KbuildQuiet, OS, Colors);
    bool Verify = std::any_of(TU.Args.begin(), TU.Args.end(),
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

} // namespace

int runAnalysis(const RunOptions &Opts) {
  Outcome Result;
  Result.Quiet = Opts.KbuildQuiet;
  std::vector<ModuleInput> Modules;
  collectModules(Opts, Modules, Result);

  if (Opts.Shards > 1) {
    // Modules, not files, are dealt out: a module's files stay together.
    std::vector<ModuleInput> Mine;
    for (size_t I = 0; I < Modules.size(); ++I)
      if (I % Opts.Shards == Opts.Shard - 1)
        Mine.push_back(std::move(Modules[I]));
    Modules = std::move(Mine);
  }

  bool Colors = llvm::errs().has_colors();
  bool Progress = Opts.Progress && llvm::errs().is_displayed() &&
                  Modules.size() > 1;
  std::vector<std::string> Output(Modules.size());
  std::vector<std::atomic<bool>> Done(Modules.size());
  unsigned Jobs = std::max(1u, std::min<unsigned>(Opts.Jobs, Modules.size()));
  size_t Printed = 0;
  // Print finished modules in their order as soon as all before them are.
  auto Flush = [&](bool Wait) {
    while (Printed < Modules.size() && (Done[Printed] || Wait)) {
      if (!Done[Printed])
        return;
      if (Progress)
        llvm::errs() << "\r\x1b[K";
      llvm::errs() << Output[Printed];
      ++Printed;
      if (Progress && Printed < Modules.size())
        llvm::errs() << "[" << Printed << "/" << Modules.size() << "] "
                     << Modules[Printed].Name;
      llvm::errs().flush();
    }
  };
  if (Jobs <= 1) {
    for (size_t I = 0; I < Modules.size(); ++I) {
      if (Progress)
        llvm::errs() << "\r\x1b[K[" << I << "/" << Modules.size() << "] "
                     << Modules[I].Name;
      llvm::raw_string_ostream OS(Output[I]);
      OS.enable_colors(Colors); // the text goes to stderr afterwards
      analyzeModule(Modules[I], Opts, Result, OS, Colors);
      OS.flush();
      Done[I] = true;
      Flush(false);
    }
  } else {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
    std::mutex Lock;
    std::condition_variable Cond;
    for (size_t I = 0; I < Modules.size(); ++I)
      Pool.async([&, I] {
        std::string Text;
        llvm::raw_string_ostream OS(Text);
        OS.enable_colors(Colors);
        analyzeModule(Modules[I], Opts, Result, OS, Colors);
        OS.flush();
        std::lock_guard<std::mutex> Guard(Lock);
        Output[I] = std::move(Text);
        Done[I] = true;
        Cond.notify_one();
      });
    std::unique_lock<std::mutex> Guard(Lock);
    while (Printed < Modules.size()) {
      Cond.wait(Guard, [&] { return Done[Printed].load(); });
      Flush(false);
    }
    Guard.unlock();
    Pool.wait();
  }
  if (Progress)
    llvm::errs() << "\r\x1b[K";
  if (Result.CannotAnalyze)
    return ExitCannotAnalyze;
  return Opts.Sink->errors() ? ExitPromoted : ExitClean;
}

int joinModule(const std::string &Name, std::vector<TUFacts> TUs,
               const RunOptions &Opts) {
  ModuleModel Model;
  Model.Name = Name;
  Model.TUs = std::move(TUs);
  const Settings *S = nullptr;
  if (Model.TUs.empty() || !settingsFor(Model.TUs.front().MainFile, Opts, S))
    return ExitClean;
  std::vector<Finding> Findings;
  for (const auto &C : createChecks(S->Checks, S->Options))
    for (const CheckInfo &I : allChecks())
      if (I.Name == C->name() && I.CheckScope == Scope::Module)
        C->check(Model, Findings);
  unsigned Before = Opts.Sink->errors();
  std::vector<Finding> Shown =
      Opts.Sink->admit(std::move(Findings), S->WarningsAsErrors);
  if (Opts.Sink->format() == OutputFormat::Text)
    emitStandalone(Shown);
  return Opts.Sink->errors() > Before ? ExitPromoted : ExitClean;
}

} // namespace klp
