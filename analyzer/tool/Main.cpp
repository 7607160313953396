//===- Main.cpp - The klp-lint command line -------------------------------===//
//
//   klp-lint [options] <file>... [-- <compiler args>]
//   klp-lint -p <build-dir> [<file>...]
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

#include <llvm/Support/CommandLine.h>
#include <llvm/Support/InitLLVM.h>
#include <llvm/Support/raw_ostream.h>

#include <cstring>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Program.h>

using namespace llvm;

namespace {

cl::OptionCategory Category("klp-lint options");

cl::list<std::string> Files(cl::Positional, cl::desc("<file>..."),
                            cl::cat(Category));
cl::opt<std::string> BuildDir(
    "p", cl::desc("Build directory containing compile_commands.json; its "
                  "entries are grouped into modules by KBUILD_MODNAME"),
    cl::value_desc("build-dir"), cl::cat(Category));
cl::opt<std::string> Checks(
    "checks",
    cl::desc("Comma-separated globs of checks to run; a leading '-' "
             "removes (default: all)"),
    cl::init(""), cl::cat(Category));
cl::opt<std::string> WarningsAsErrors(
    "warnings-as-errors",
    cl::desc("Globs of checks whose warnings become errors (exit code 1)"),
    cl::init(""), cl::cat(Category));
cl::opt<bool> ListChecks("list-checks",
                         cl::desc("List the enabled checks and exit"),
                         cl::cat(Category));
cl::list<std::string> CheckOption(
    "check-option",
    cl::desc("Set a check option: <check>.<Option>=<value>"),
    cl::value_desc("key=value"), cl::cat(Category));
cl::list<std::string> ExtraArgs(
    "extra-arg", cl::desc("Append an argument to every compile command"),
    cl::cat(Category));
cl::list<std::string> RemovedArgs(
    "removed-arg", cl::desc("Remove an argument from every compile command"),
    cl::cat(Category));
cl::opt<klp::OutputFormat> Format(
    "format", cl::desc("Output format"), cl::init(klp::OutputFormat::Text),
    cl::values(clEnumValN(klp::OutputFormat::Text, "text",
                          "clang-style diagnostics on stderr (default)"),
               clEnumValN(klp::OutputFormat::Json, "json", "JSON on stdout"),
               clEnumValN(klp::OutputFormat::Sarif, "sarif",
                          "SARIF 2.1.0 on stdout (GitHub code scanning)"),
               clEnumValN(klp::OutputFormat::Checkpatch, "checkpatch",
                          "checkpatch.pl's report format on stdout")),
    cl::cat(Category));
cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("Write findings and their fixes as clang-tidy's YAML"),
    cl::value_desc("file.yaml"), cl::cat(Category));
cl::opt<std::string> SourceRoot(
    "source-root",
    cl::desc("Make paths relative to this directory (SARIF, baselines); "
             "default: the git work tree, else the current directory"),
    cl::cat(Category));
cl::opt<std::string> WriteBaseline(
    "write-baseline", cl::desc("Write the fingerprints of all findings"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> Baseline(
    "baseline", cl::desc("Do not report findings recorded in this baseline"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> Diff(
    "diff", cl::desc("Report only findings on lines changed since <git-rev>"),
    cl::value_desc("git-rev"), cl::cat(Category));
cl::opt<std::string> LineFilterOpt(
    "line-filter",
    cl::desc("Report only findings on these lines (clang-tidy's JSON: "
             "[{\"name\":\"file.c\",\"lines\":[[1,5]]}])"),
    cl::cat(Category));
cl::opt<bool> Strict("strict",
                     cl::desc("checkpatch format: also show notes (CHECK)"),
                     cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("Do not print the summary line"),
                    cl::cat(Category));
cl::opt<std::string> ConfigFile(
    "config-file",
    cl::desc("Read this configuration instead of looking for .klp-lint.yaml "
             "upwards from each file"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<bool> DumpConfig(
    "dump-config",
    cl::desc("Print the effective configuration (for the first file, or the "
             "current directory) and exit"),
    cl::cat(Category));
cl::opt<std::string> Explain(
    "explain", cl::desc("Explain a check: what it flags and the harm"),
    cl::value_desc("check"), cl::cat(Category));
cl::opt<bool> FullParse(
    "full-parse",
    cl::desc("Parse function bodies in kernel headers too (slower; the "
             "findings are the same)"),
    cl::cat(Category));
cl::opt<unsigned> Jobs("j", cl::desc("Analyze this many modules at once"),
                       cl::init(1), cl::value_desc("N"), cl::cat(Category));
cl::opt<std::string> Shard(
    "shard",
    cl::desc("Analyze only shard i of n (1-based) of the modules, for "
             "splitting a compile database across CI jobs"),
    cl::value_desc("i/n"), cl::cat(Category));

void printVersion(raw_ostream &OS) {
  OS << "klp-lint " KLP_LINT_VERSION " (LLVM " LLVM_VERSION_STRING ")\n";
}

} // namespace

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);

  // One binary, three front doors: klp-lint-cc wraps the compiler, and a
  // kbuild CHECK= call passes compiler flags without "--".
  if (sys::path::filename(argv[0]) == "klp-lint-cc")
    return klp::wrapperMain(argc, argv);
  if (argc > 1 && std::strcmp(argv[1], "cc") == 0)
    return klp::wrapperMain(argc - 1, argv + 1);
  // The light klp-lint-cc ran the compiler already and hands over only the
  // translation units that need a parse.
  if (argc > 1 && std::strcmp(argv[1], "--kbuild-analyze") == 0)
    return klp::wrapperMain(argc - 1, argv + 1, /*RunCompiler=*/false);
  if (klp::isCheckerCall(argc, argv))
    return klp::checkerMain(argc, argv);

  // Everything after "--" is the compile command (clang-tidy convention).
  std::optional<std::vector<std::string>> CompilerArgs;
  for (int I = 1; I < argc; ++I)
    if (std::strcmp(argv[I], "--") == 0) {
      CompilerArgs.emplace(argv + I + 1, argv + argc);
      argc = I;
      break;
    }

  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter(printVersion);
  cl::extrahelp Extra(
      "\nWith neither a compile database nor compiler arguments, files are\n"
      "parsed against the embedded generation C headers of kernel-support.\n"
      "Exit codes: 0 done; 1 findings promoted by --warnings-as-errors;\n"
      "2 something could not be analyzed.\n");
  std::string ParseErrors;
  raw_string_ostream ErrOS(ParseErrors);
  if (!cl::ParseCommandLineOptions(argc, argv,
                                   "klp-lint: static analysis of Linux kernel "
                                   "livepatch modules\n\n"
                                   "  klp-lint [options] <file>... "
                                   "[-- <compiler args>]\n"
                                   "  klp-lint -p <build-dir> [<file>...]\n",
                                   &ErrOS)) {
    ErrOS.flush();
    errs() << ParseErrors;
    return klp::ExitCannotAnalyze;
  }

  klp::SettingsSources Sources;
  if (!Checks.empty())
    Sources.CommandLine.Checks.push_back(Checks);
  if (!WarningsAsErrors.empty())
    Sources.CommandLine.WarningsAsErrors.push_back(WarningsAsErrors);
  for (const std::string &KV : CheckOption)
    if (!klp::parseCheckOption(KV, Sources.CommandLine)) {
      errs() << "klp-lint: error: invalid --check-option '" << KV
             << "': expected <check>.<Option>=<value>\n";
      return klp::ExitCannotAnalyze;
    }
  Sources.CommandLine.ExtraArgs.assign(ExtraArgs.begin(), ExtraArgs.end());
  Sources.CommandLine.RemovedArgs.assign(RemovedArgs.begin(), RemovedArgs.end());
  Sources.ConfigFile = ConfigFile;
  Sources.ResourceDir = KLP_CLANG_RESOURCE_DIR;

  if (!Explain.empty())
    return klp::explainCheck(Explain, outs()) ? klp::ExitClean
                                              : klp::ExitCannotAnalyze;

  // Settings come from the first file's directory (or the current one).
  klp::SettingsResolver Resolver(std::move(Sources));
  std::string First = Files.empty() ? "./-" : std::string(Files.front());
  const klp::Settings *S = Resolver.forFile(klp::absolutePath(First));
  if (!S)
    return klp::ExitCannotAnalyze;
  if (DumpConfig) {
    outs() << klp::dumpConfig(S->Merged);
    return klp::ExitClean;
  }
  if (ListChecks) {
    outs() << "Enabled checks:\n";
    for (const klp::CheckInfo &C : klp::allChecks())
      if (S->Checks.matches(C.Name))
        outs() << "    " << C.Name << "  (" << klp::severityName(C.Level)
               << ", " << (C.CheckScope == klp::Scope::TU ? "TU" : "module")
               << ") " << C.Summary << "\n";
    return klp::ExitClean;
  }
  klp::RunOptions Opts;
  if (!Shard.empty()) {
    unsigned I = 0, N = 0;
    StringRef A, B;
    std::tie(A, B) = StringRef(Shard).split('/');
    if (A.getAsInteger(10, I) || B.getAsInteger(10, N) || N == 0 || I == 0 ||
        I > N) {
      errs() << "klp-lint: error: invalid --shard '" << Shard
             << "': expected i/n with 1 <= i <= n\n";
      return klp::ExitCannotAnalyze;
    }
    Opts.Shard = I;
    Opts.Shards = N;
  }
  Opts.Jobs = std::max(1u, unsigned(Jobs));
  Opts.Parse.FullParse = FullParse;
  Opts.Parse.PchCache = klp::defaultPchCache();

  if (Files.empty() && BuildDir.empty()) {
    errs() << "klp-lint: error: no input files (see --help)\n";
    return klp::ExitCannotAnalyze;
  }
  Opts.Inputs.Files.assign(Files.begin(), Files.end());
  Opts.Inputs.BuildDir = BuildDir;
  Opts.Inputs.CompilerArgs = CompilerArgs;

  klp::ReportOptions ROpts;
  std::string Error;
  ROpts.Format = Format;
  ROpts.ExportFixes = ExportFixes;
  ROpts.WriteBaseline = WriteBaseline;
  ROpts.Strict = Strict;
  ROpts.Quiet = Quiet;
  if (!SourceRoot.empty())
    ROpts.SourceRoot = SourceRoot;
  else if (std::string Top = klp::gitTopLevel(); !Top.empty())
    ROpts.SourceRoot = Top;
  else
    ROpts.SourceRoot = ".";
  ROpts.SourceRoot = klp::absolutePath(ROpts.SourceRoot);
  ROpts.BuildDirectory =
      klp::absolutePath(BuildDir.empty() ? std::string(".") : std::string(BuildDir));
  auto Fail = [&](const std::string &Why) {
    errs() << "klp-lint: error: " << Why << "\n";
    return klp::ExitCannotAnalyze;
  };
  if (!Baseline.empty() && !klp::readBaseline(Baseline, ROpts.Baseline, Error))
    return Fail(Error);
  if (!LineFilterOpt.empty() &&
      !klp::LineFilter::parseJSON(LineFilterOpt, ROpts.Lines, Error))
    return Fail(Error);
  if (!Diff.empty() && !klp::LineFilter::fromGitDiff(Diff, ROpts.Lines, Error))
    return Fail(Error);

  klp::Report Sink(std::move(ROpts));
  int RC = klp::runAnalysis(Opts, Resolver, Sink);
  if (!Sink.finish() && RC == klp::ExitClean)
    RC = klp::ExitCannotAnalyze;
  return RC;
}
