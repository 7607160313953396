// SPDX-License-Identifier: GPL-2.0-only
//===- Main.cpp - The klp-lint command line -------------------------------===//
//
//   klp-lint [options] <file>... [-- <compiler args>]
//   klp-lint -p <build-dir> [<file>...]
//   klp-lint --patch <file.patch>... --kernel-tree <src> [-p <build>]
//   klp-lint --product <module>... [--matrix]
//   klp-lint compat <old> <new> [--supported old:new]
//
// One direction: the command line -> settings -> the run's options -> the
// analysis -> the report. The kbuild front doors (wrapper, CHECK=) take
// their own way in at the top.
//
//===----------------------------------------------------------------------===//

#include "check/Registry.h"
#include "config/Settings.h"
#include "driver/Preamble.h"
#include "driver/GitView.h"
#include "driver/Run.h"
#include "kbuild/KbuildMode.h"
#include "product/ProductRun.h"
#include "report/Docs.h"
#include "support/Output.h"
#include "support/Paths.h"
#include "support/Process.h"
#include "tool/Manual.h"
#include "tool/Options.h"

#include "Revision.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/InitLLVM.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include <cstring>
#include <set>

using namespace llvm;
namespace opt = klp::options;

namespace {

int fail(const std::string &Why) {
  errs() << "klp-lint: error: " << Why << "\n";
  return klp::ExitCannotAnalyze;
}

void printVersion(raw_ostream &OS) {
  OS << "klp-lint " KLP_LINT_VERSION " (git " KLP_LINT_REVISION
        ", LLVM " LLVM_VERSION_STRING ")\n";
}

/// One binary, several front doors: klp-lint-cc wraps the compiler, the
/// light klp-lint-cc hands over the TUs that need a parse, and a kbuild
/// CHECK= call passes compiler flags without "--". Returns -1 otherwise.
int kbuildFrontDoor(int Argc, const char **Argv) {
  if (sys::path::filename(Argv[0]) == "klp-lint-cc")
    return klp::wrapperMain(Argc, Argv);
  if (Argc > 1 && std::strcmp(Argv[1], "cc") == 0)
    return klp::wrapperMain(Argc - 1, Argv + 1);
  if (Argc > 1 && std::strcmp(Argv[1], "--kbuild-analyze") == 0)
    return klp::wrapperMain(Argc - 1, Argv + 1, /*RunCompiler=*/false);
  if (klp::isCheckerCall(Argc, Argv))
    return klp::checkerMain(Argc, Argv);
  return -1;
}

bool parseCommandLine(int &Argc, const char **Argv,
                      std::optional<std::vector<std::string>> &CompilerArgs) {
  // Everything after "--" is the compile command (clang-tidy convention).
  for (int I = 1; I < Argc; ++I)
    if (std::strcmp(Argv[I], "--") == 0) {
      CompilerArgs.emplace(Argv + I + 1, Argv + Argc);
      Argc = I;
      break;
    }
  cl::HideUnrelatedOptions(opt::Category);
  cl::SetVersionPrinter(printVersion);
  static cl::extrahelp Extra(
      "\nWith neither a compile database nor compiler arguments, files are\n"
      "parsed against the embedded generation C headers of kernel-support.\n"
      "Exit codes: 0 done; 1 findings promoted by --warnings-as-errors;\n"
      "2 something could not be analyzed.\n");
  std::string Errors;
  raw_string_ostream ErrOS(Errors);
  bool Ok = cl::ParseCommandLineOptions(
      Argc, Argv,
      "klp-lint: static analysis of Linux kernel livepatch modules\n\n"
      "  klp-lint [options] <file>... [-- <compiler args>]\n"
      "  klp-lint -p <build-dir> [<file>...]\n"
      "  klp-lint --patch <file.patch>... --kernel-tree <src> [-p <build>]\n"
      "  klp-lint --product <module>... [--matrix [--supported old:new]...]\n"
      "  klp-lint compat <old> <new> [--supported old:new]...\n",
      &ErrOS);
  ErrOS.flush();
  errs() << Errors;
  return Ok;
}

/// --checks, --warnings-as-errors, --check-option, --extra-arg,
/// --removed-arg, --target-api, --config-file: where the settings come from.
bool settingsSources(klp::SettingsSources &S, std::vector<std::string> &Problems) {
  // A typo must not turn the gate off: globs that select no check are
  // errors (pure removals are fine).
  for (auto [Name, Value] : {std::pair<const char *, const std::string *>{
                                 "--checks", &opt::Checks},
                             {"--warnings-as-errors", &opt::WarningsAsErrors}}) {
    llvm::Expected<klp::GlobList> G = klp::GlobList::parse(*Value);
    if (!G) {
      Problems.push_back(std::string(Name) + ": " + llvm::toString(G.takeError()));
      continue;
    }
    for (const std::string &U : klp::unknownChecks(*G))
      Problems.push_back(std::string(Name) + ": " + U);
  }
  if (!opt::Checks.empty())
    S.CommandLine.Checks.push_back(opt::Checks);
  if (!opt::WarningsAsErrors.empty())
    S.CommandLine.WarningsAsErrors.push_back(opt::WarningsAsErrors);
  for (const std::string &KV : opt::CheckOption)
    if (!klp::parseCheckOption(KV, S.CommandLine))
      Problems.push_back("invalid --check-option '" + KV +
                         "': expected <check>.<Option>=<value>");
  if (opt::TargetApi.getNumOccurrences()) {
    if (klp::parseTargetApi(opt::TargetApi))
      S.CommandLine.TargetAPI = opt::TargetApi;
    else
      Problems.push_back("invalid --target-api '" + opt::TargetApi +
                         "': expected native or v1");
  }
  S.CommandLine.ExtraArgs.assign(opt::ExtraArgs.begin(), opt::ExtraArgs.end());
  S.CommandLine.RemovedArgs.assign(opt::RemovedArgs.begin(),
                                   opt::RemovedArgs.end());
  S.ConfigFile = opt::ConfigFile;
  S.ResourceDir = KLP_CLANG_RESOURCE_DIR;
  return Problems.empty();
}

int listChecks(const klp::Settings &S) {
  outs() << "Enabled checks:\n";
  for (const klp::CheckInfo &C : klp::allChecks())
    if (S.Checks.matches(C.Name))
      outs() << "    " << C.Name << "  (" << klp::severityName(C.Level) << ", "
             << klp::scopeName(C.CheckScope)
             << (C.Generations & (C.Generations - 1) ? "; generations "
                                                      : "; generation ")
             << klp::generationList(C.Generations) << ") "
             << C.Summary << "\n";
  return klp::ExitClean;
}

void runOptions(klp::RunOptions &Opts,
                std::optional<std::vector<std::string>> CompilerArgs,
                std::vector<std::string> &Problems) {
  if (!opt::Shard.empty()) {
    unsigned I = 0, N = 0;
    auto [A, B] = StringRef(opt::Shard).split('/');
    if (A.getAsInteger(10, I) || B.getAsInteger(10, N) || N == 0 || I == 0 ||
        I > N)
      Problems.push_back("invalid --shard '" + opt::Shard +
                         "': expected i/n with 1 <= i <= n");
    Opts.Shard = I;
    Opts.Shards = N;
  }
  if (opt::Jobs == 0)
    Problems.push_back("invalid -j 0: expected at least 1");
  Opts.Jobs = std::max(1u, unsigned(opt::Jobs));
  Opts.Parse.FullParse = opt::FullParse;
  Opts.Parse.PchCache = klp::defaultPchCache();
  if (!opt::Patch.empty()) {
    // klp-lint --patch a.patch b.patch: every file argument is a patch.
    Opts.Inputs.Patches.assign(opt::Patch.begin(), opt::Patch.end());
    Opts.Inputs.Patches.insert(Opts.Inputs.Patches.end(), opt::Files.begin(),
                               opt::Files.end());
    if (CompilerArgs)
      Problems.push_back("--patch takes its compile commands from the kernel "
                         "build, not after '--'");
  } else if (!opt::KernelTree.empty()) {
    Problems.push_back("--kernel-tree is only used with --patch");
  } else if (opt::Files.empty() && opt::BuildDir.empty() && !opt::Staged) {
    Problems.push_back("no input files (see --help)");
  } else {
    Opts.Inputs.Files.assign(opt::Files.begin(), opt::Files.end());
  }
  Opts.Inputs.KernelTree = opt::KernelTree;
  Opts.Inputs.KbuildDir = opt::KbuildDir;
  Opts.Inputs.BuildDir = opt::BuildDir;
  Opts.Inputs.CompilerArgs = std::move(CompilerArgs);
  Opts.Inputs.EmbeddedHeaders = !opt::NoEmbeddedHeaders;
  if (opt::StoreCheckProfile.getNumOccurrences() &&
      opt::StoreCheckProfile.empty())
    Problems.push_back("--store-check-profile needs a directory");
  Opts.StoreProfile = opt::StoreCheckProfile;
}

/// --product, --matrix and `klp-lint compat`: the modules and the runs.
/// \p Exe is this binary, next to which klp-sim and the model are found.
void productOptions(klp::ProductOptions &P, bool CompatCommand,
                    const std::string &Exe,
                    std::optional<std::vector<std::string>> &CompilerArgs,
                    std::vector<std::string> &Problems) {
  P.Modules.assign(opt::Files.begin(), opt::Files.end());
  P.Checks = !CompatCommand && !opt::DumpProduct;
  P.Dump = opt::DumpProduct;
  P.Compat = CompatCommand || opt::Matrix;
  klp::CompatOptions &C = P.CompatRuns;
  C.Matrix = opt::Matrix;
  C.Supported.assign(opt::Supported.begin(), opt::Supported.end());
  llvm::SmallString<256> Bin(sys::path::parent_path(Exe));
  C.KlpSim = opt::KlpSim.empty() ? std::string(Bin) + "/klp-sim"
                                 : std::string(opt::KlpSim);
  llvm::SmallString<256> Model(sys::path::parent_path(Bin));
  sys::path::append(Model, "lib", "klp-lint", "klp_model.so");
  C.ModelModule = opt::CompatModel.empty() ? std::string(Model)
                                           : std::string(opt::CompatModel);
  C.SimModules = opt::SimModules;
  C.Transcripts = opt::Transcripts;
  C.Json = opt::Format == klp::OutputFormat::Json;
  if (CompatCommand && P.Modules.size() != 2)
    Problems.push_back("compat takes two modules: klp-lint compat <old> <new>");
  else if (!CompatCommand && P.Modules.size() < 2 && !opt::DumpProduct)
    Problems.push_back("--product needs the modules of a product, at least two");
  if (opt::Matrix && CompatCommand)
    Problems.push_back("--matrix is for --product; compat runs its two modules "
                       "both ways");
  if (P.Compat && opt::Format != klp::OutputFormat::Text &&
      !(CompatCommand && opt::Format == klp::OutputFormat::Json))
    Problems.push_back("the compatibility report is text, or JSON with "
                       "'klp-lint compat --format=json'");
  if (!P.Compat && (!opt::Supported.empty() || !opt::SimModules.empty() ||
                    opt::Transcripts))
    Problems.push_back("--supported, --sim-modules and --transcripts are for "
                       "klp-lint compat and --matrix");
  if (!opt::BuildDir.empty() || !opt::Patch.empty())
    Problems.push_back("product modules are named one by one, not with -p "
                       "or --patch");
  (void)CompilerArgs;
}

/// --dump-compile-commands: the database -p reads (compile_commands.json
/// or kbuild's .cmd files), as compile_commands.json with "arguments".
int dumpCompileCommands() {
  if (opt::BuildDir.empty())
    return fail("--dump-compile-commands needs -p <build-dir>");
  std::string Where, Error;
  std::unique_ptr<clang::tooling::CompilationDatabase> DB =
      klp::openCompileDatabase(opt::BuildDir, opt::KbuildDir, Where, Error);
  if (!DB)
    return fail("cannot read compile database in '" + opt::BuildDir +
                "': " + Error);
  std::vector<clang::tooling::CompileCommand> All = DB->getAllCompileCommands();
  std::stable_sort(All.begin(), All.end(), [](const auto &A, const auto &B) {
    return A.Filename < B.Filename;
  });
  json::Array Out;
  for (const clang::tooling::CompileCommand &C : All) {
    json::Array Args;
    for (const std::string &A : C.CommandLine)
      Args.push_back(A);
    Out.push_back(json::Object{{"directory", C.Directory},
                               {"file", C.Filename},
                               {"arguments", std::move(Args)}});
  }
  outs() << formatv("{0:2}", json::Value(std::move(Out))) << "\n";
  return klp::ExitClean;
}

void reportOptions(klp::ReportOptions &R, std::vector<std::string> &Problems) {

  R.Format = opt::Format;
  R.ExportFixes = opt::ExportFixes;
  R.WriteBaseline = opt::WriteBaseline;
  R.Strict = opt::Strict;
  R.Quiet = opt::Quiet;
  std::string Root = opt::SourceRoot;
  if (Root.empty())
    Root = klp::gitTopLevel();
  R.SourceRoot = klp::absolutePath(Root.empty() ? "." : Root);
  R.BuildDirectory = klp::absolutePath(
      opt::BuildDir.empty() ? std::string(".") : std::string(opt::BuildDir));
  std::string Error;
  if ((!opt::Baseline.empty() &&
       !klp::readBaseline(opt::Baseline, R.Baseline, Error)) ||
      (!opt::LineFilterOpt.empty() &&
       !klp::LineFilter::parseJSON(opt::LineFilterOpt, R.Lines, Error)))
    Problems.push_back(Error);
}

/// --staged without file arguments: the staged C files, or with a staged
/// header every C file of its directory that the index has (with -p: the
/// whole database, which knows the modules). False if nothing is staged.
bool stagedInputs(klp::RunOptions &Opts, const klp::GitView &Index,
                  std::vector<std::string> &Problems) {
  llvm::Expected<std::vector<std::string>> Staged = klp::stagedFiles();
  if (!Staged) {
    Problems.push_back("--staged: " + llvm::toString(Staged.takeError()));
    return true;
  }
  std::set<std::string> Files;
  bool Header = false;
  for (const std::string &F : *Staged) {
    llvm::StringRef Ext = llvm::sys::path::extension(F);
    if (Ext == ".c")
      Files.insert(F);
    if (Ext != ".h")
      continue;
    Header = true;
    llvm::StringRef Dir = llvm::sys::path::parent_path(F);
    for (const std::string &Rel : Index.Files) {
      std::string Abs = Index.Top + "/" + Rel;
      if (llvm::sys::path::parent_path(Abs) == Dir &&
          llvm::sys::path::extension(Abs) == ".c")
        Files.insert(Abs);
    }
  }
  if (Files.empty() && !Header)
    return false;
  Opts.Inputs.GroupByKbuild = true;
  if (!opt::BuildDir.empty() && Header)
    return true; // all of the database
  Opts.Inputs.Files.assign(Files.begin(), Files.end());
  return true;
}

/// --staged and --diff=<rev>: the index as the sources (\p Index), and the
/// analysis at the revision as the gate. False if nothing is staged.
bool gitModes(klp::RunOptions &Opts, klp::ReportOptions &R,
              klp::SettingsResolver &Resolver,
              std::optional<klp::GitView> &Index,
              std::optional<klp::GitView> &Base,
              std::vector<std::string> &Problems) {
  if ((opt::Staged || !opt::Diff.empty()) && !opt::Patch.empty()) {
    Problems.push_back("--staged and --diff do not combine with --patch");
    return true;
  }
  if (opt::Staged) {
    llvm::Expected<klp::GitView> V = klp::gitIndexView();
    if (!V) {
      Problems.push_back("--staged: " + llvm::toString(V.takeError()));
      return true;
    }
    Index = std::move(*V);
    Opts.View = &*Index;
    if (opt::Files.empty() && !stagedInputs(Opts, *Index, Problems))
      return false;
  }
  if (opt::Diff.empty() || !Problems.empty())
    return true;
  llvm::Expected<klp::GitView> V = klp::gitViewAt(opt::Diff);
  if (!V) {
    Problems.push_back("--diff: " + llvm::toString(V.takeError()));
    return true;
  }
  Base = std::move(*V);
  llvm::Expected<klp::ReportOptions::DiffGate> Gate =
      klp::diffGate(*Base, opt::Staged, Opts, Resolver, R);
  if (!Gate)
    Problems.push_back("--diff: " + llvm::toString(Gate.takeError()));
  else
    R.Diff = std::move(*Gate);
  return true;
}

} // namespace

/// One command-line run; returns its exit code.
static int runCommandLine(int argc, const char **argv) {
  std::string Exe = sys::fs::getMainExecutable(argv[0], (void *)&fail);
  // klp-lint compat <old> <new>: the options are the same, the files the
  // two modules.
  std::vector<const char *> Args(argv, argv + argc);
  bool CompatCommand = argc > 1 && std::strcmp(argv[1], "compat") == 0;
  if (CompatCommand)
    Args.erase(Args.begin() + 1);
  argc = Args.size();
  argv = Args.data();

  std::optional<std::vector<std::string>> CompilerArgs;
  if (!parseCommandLine(argc, argv, CompilerArgs))
    return klp::ExitCannotAnalyze;
  if (opt::HelpMan) {
    klp::printManPage(outs());
    return klp::ExitClean;
  }
  if (opt::HelpBashCompletion) {
    klp::printBashCompletion(outs());
    return klp::ExitClean;
  }
  if (!opt::Explain.empty())
    return klp::explainCheck(opt::Explain, outs()) ? klp::ExitClean
                                                   : klp::ExitCannotAnalyze;
  // Problems found before the analysis are failures of the run: for a
  // report run they reach every output format (a SARIF log that says the
  // run failed, never an empty one), otherwise they are printed.
  std::vector<std::string> Problems;
  klp::SettingsSources Sources;
  settingsSources(Sources, Problems);
  bool ReportRun = !opt::DumpConfig && !opt::ListChecks;
  if (!ReportRun && !Problems.empty()) {
    for (const std::string &P : Problems)
      fail(P);
    return klp::ExitCannotAnalyze;
  }

  // The settings shown and checked up front are the first file's (or the
  // current directory's).
  klp::SettingsResolver Resolver(std::move(Sources));
  std::string First = opt::Files.empty() ? "./-" : std::string(opt::Files.front());
  const klp::Settings *S = Problems.empty()
                               ? Resolver.forFile(klp::absolutePath(First))
                               : nullptr;
  if (!ReportRun && !S)
    return klp::ExitCannotAnalyze;
  if (opt::DumpConfig) {
    outs() << klp::dumpConfig(S->Merged);
    return klp::ExitClean;
  }
  if (opt::ListChecks)
    return listChecks(*S);
  // The resolver printed its problems where it found them.
  std::vector<std::string> Printed = Resolver.takeProblems();

  if (opt::DumpCompileCommands)
    return dumpCompileCommands();

  klp::RunOptions Opts;
  klp::ReportOptions ROpts;
  klp::ProductOptions Product;
  bool ProductRun = opt::Product || CompatCommand || opt::DumpProduct;
  if (ProductRun)
    productOptions(Product, CompatCommand, Exe, CompilerArgs, Problems);
  else if (opt::Matrix)
    Problems.push_back("--matrix needs --product");
  runOptions(Opts, std::move(CompilerArgs), Problems);
  reportOptions(ROpts, Problems);
  std::optional<klp::GitView> Index, Base;
  if (!gitModes(Opts, ROpts, Resolver, Index, Base, Problems)) {
    errs() << "klp-lint: nothing staged to analyze\n";
    return klp::ExitClean;
  }
  // compat's report is its own (text or JSON on stdout): failures print as
  // text on stderr.
  if (CompatCommand)
    ROpts.Format = klp::OutputFormat::Text;
  klp::Report Sink(std::move(ROpts));
  for (const std::string &P : Problems)
    Sink.fail({"", P}, errs());
  for (const std::string &P : Printed)
    Sink.record({"", P});
  // Like clang-tidy's: storing the profile profiles, printing it is asked
  // for on its own.
  klp::CheckProfile Profile;
  if (opt::EnableCheckProfile || !Opts.StoreProfile.empty())
    Opts.Profile = &Profile;
  int RC = !Problems.empty() || !S ? int(klp::ExitCannotAnalyze)
           : ProductRun ? klp::runProduct(Product, Opts, Resolver, Sink)
                        : klp::runAnalysis(Opts, Resolver, Sink);
  if (opt::EnableCheckProfile && RC != klp::ExitCannotAnalyze)
    Profile.print(errs());
  if (!Sink.finish() && RC == klp::ExitClean)
    RC = klp::ExitCannotAnalyze;
  return RC;
}

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  if (int RC = kbuildFrontDoor(argc, argv); RC >= 0)
    return RC;
  int RC = runCommandLine(argc, argv);
  // A report that did not reach its reader is a failed run, whatever the
  // findings were.
  if (std::optional<std::string> Why = klp::standardStreamsError()) {
    errs() << "klp-lint: error: " << *Why << "\n";
    (void)klp::standardStreamsError(); // stderr may be the one that failed
    return klp::ExitCannotAnalyze;
  }
  return RC;
}
