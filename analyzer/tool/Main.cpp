//===- Main.cpp - The klp-lint command line -------------------------------===//
//
//   klp-lint [options] <file>... [-- <compiler args>]
//   klp-lint -p <build-dir> [<file>...]
//   klp-lint --patch <file.patch>... --kernel-tree <src> [-p <build>]
//
// One direction: the command line -> settings -> the run's options -> the
// analysis -> the report. The kbuild front doors (wrapper, CHECK=) take
// their own way in at the top.
//
//===----------------------------------------------------------------------===//

#include "check/Registry.h"
#include "config/Settings.h"
#include "driver/Preamble.h"
#include "driver/Run.h"
#include "kbuild/KbuildMode.h"
#include "report/Docs.h"
#include "support/Paths.h"
#include "support/Process.h"
#include "tool/Options.h"

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/InitLLVM.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include <cstring>

using namespace llvm;
namespace opt = klp::options;

namespace {

int fail(const std::string &Why) {
  errs() << "klp-lint: error: " << Why << "\n";
  return klp::ExitCannotAnalyze;
}

void printVersion(raw_ostream &OS) {
  OS << "klp-lint " KLP_LINT_VERSION " (LLVM " LLVM_VERSION_STRING ")\n";
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
      "  klp-lint --patch <file.patch>... --kernel-tree <src> [-p <build>]\n",
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
             << (C.CheckScope == klp::Scope::TU ? "TU" : "module")
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
  } else if (opt::Files.empty() && opt::BuildDir.empty()) {
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
       !klp::LineFilter::parseJSON(opt::LineFilterOpt, R.Lines, Error)) ||
      (!opt::Diff.empty() &&
       !klp::LineFilter::fromGitDiff(opt::Diff, R.Lines, Error)))
    Problems.push_back(Error);
}

} // namespace

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  if (int RC = kbuildFrontDoor(argc, argv); RC >= 0)
    return RC;

  std::optional<std::vector<std::string>> CompilerArgs;
  if (!parseCommandLine(argc, argv, CompilerArgs))
    return klp::ExitCannotAnalyze;
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
  runOptions(Opts, std::move(CompilerArgs), Problems);
  reportOptions(ROpts, Problems);
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
  int RC = Problems.empty() && S ? klp::runAnalysis(Opts, Resolver, Sink)
                                 : int(klp::ExitCannotAnalyze);
  if (opt::EnableCheckProfile && RC != klp::ExitCannotAnalyze)
    Profile.print(errs());
  if (!Sink.finish() && RC == klp::ExitClean)
    RC = klp::ExitCannotAnalyze;
  return RC;
}
