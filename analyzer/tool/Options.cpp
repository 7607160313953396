// SPDX-License-Identifier: GPL-2.0-only
//===- Options.cpp - klp-lint's command-line options ----------------------===//
//
// The one option table: --help, the man page and the bash completion are
// all generated from it.
//
//===----------------------------------------------------------------------===//

#include "tool/Options.h"

using namespace llvm;

namespace klp::options {

cl::OptionCategory Category("klp-lint options");

cl::list<std::string> Files(cl::Positional, cl::desc("<file>..."),
                            cl::cat(Category));
cl::opt<std::string> BuildDir(
    "p", cl::desc("Build directory containing compile_commands.json (or a "
                  "kbuild tree's .cmd files); its entries are grouped into "
                  "modules by KBUILD_MODNAME. With --patch: the kernel "
                  "tree's build directory (default: the tree)"),
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
    "diff",
    cl::desc("Report only findings that are new since <git-rev> (the same "
             "modules analyzed as that revision has them do not have them) "
             "or on lines changed since"),
    cl::value_desc("git-rev"), cl::cat(Category));
cl::opt<bool> Staged(
    "staged",
    cl::desc("Analyze the sources as git's index has them (what a commit "
             "records); without file arguments, the modules of the staged "
             "files"),
    cl::cat(Category));
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
cl::opt<bool> NoEmbeddedHeaders(
    "no-embedded-headers",
    cl::desc("Arguments after '--' replace the embedded default headers "
             "instead of adding to them"),
    cl::cat(Category));
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
cl::opt<std::string> TargetApi(
    "target-api",
    cl::desc("What generation A code is judged by: 'native' (default), the "
             "semantics of the kernel it is built for, with migration notes; "
             "'v1', the per-state callbacks and is_shadow states of the v1 "
             "series, as code to migrate"),
    cl::value_desc("native|v1"), cl::cat(Category));
cl::list<std::string> Patch(
    "patch",
    cl::desc("Analyze kpatch-build / klp-build source patches against "
             "--kernel-tree as the one livepatch module they generate (the "
             "other file arguments are patches too); see docs/patches.md"),
    cl::value_desc("file.patch"), cl::cat(Category));
cl::opt<std::string> KernelTree(
    "kernel-tree",
    cl::desc("The kernel source tree --patch applies to (never written to)"),
    cl::value_desc("src"), cl::cat(Category));
cl::opt<std::string> KbuildDir(
    "kbuild-dir",
    cl::desc("The directory make ran in, for -p directories read through "
             "kbuild's .cmd files (external modules of Linux 6.12 and older "
             "record paths relative to it); default: found"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> EnableCheckProfile(
    "enable-check-profile",
    cl::desc("Print, after the run, how long each check spent extracting "
             "its facts and judging them (and each shared fact family)"),
    cl::cat(Category));
cl::opt<std::string> StoreCheckProfile(
    "store-check-profile",
    cl::desc("Profile the checks and store each module's times as JSON in "
             "<dir>/<timestamp>-<module>.json"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> DumpCompileCommands(
    "dump-compile-commands",
    cl::desc("Print the compile database -p reads as JSON and exit"),
    cl::Hidden, cl::cat(Category));

cl::opt<bool> HelpMan(
    "help-man", cl::desc("Print the man page (roff) generated from this "
                         "option table, and exit"),
    cl::Hidden, cl::cat(Category));
cl::opt<bool> HelpBashCompletion(
    "help-bash-completion",
    cl::desc("Print a bash completion script for klp-lint, and exit"),
    cl::Hidden, cl::cat(Category));
cl::opt<bool> Product(
    "product",
    cl::desc("The files are the livepatch modules of one product, in release "
             "order (sources, comma-separated for a module of several files; "
             ".ko/.o files; kbuild's <module>.mod for the facts recorded "
             "beside its objects): run the product checks over them"),
    cl::cat(Category));
cl::opt<bool> Matrix(
    "matrix",
    cl::desc("With --product: also run the upgrade and downgrade of every "
             "ordered pair, and the releases in order, in the reference "
             "livepatch core (see docs/compat.md)"),
    cl::cat(Category));
cl::list<std::string> Supported(
    "supported",
    cl::desc("A pair the product supports (klp-lint compat, --matrix): exit "
             "1 if the core refuses it or it leaks"),
    cl::value_desc("old:new"), cl::cat(Category));
cl::opt<std::string> KlpSim(
    "klp-sim",
    cl::desc("The reference core's runner (default: klp-sim next to klp-lint)"),
    cl::value_desc("path"), cl::cat(Category));
cl::opt<std::string> CompatModel(
    "compat-model",
    cl::desc("The model livepatch of the compatibility runs (default: "
             "../lib/klp-lint/klp_model.so from klp-lint's directory)"),
    cl::value_desc("klp_model.so"), cl::cat(Category));
cl::opt<std::string> SimModules(
    "sim-modules",
    cl::desc("Run the modules themselves, built for klp-sim as "
             "<dir>/<name>.so, instead of the model"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> Transcripts(
    "transcripts",
    cl::desc("Compatibility runs: also print the reference core's transcripts"),
    cl::cat(Category));
cl::opt<bool> DumpProduct(
    "dump-product",
    cl::desc("Print the product's modules as klp-lint reads them (JSON)"),
    cl::Hidden, cl::cat(Category));

} // namespace klp::options
