// SPDX-License-Identifier: GPL-2.0-only
//===- KbuildMode.cpp - klp-lint inside kbuild ----------------------------===//
//
// Both modes analyze one translation unit per process and must never change
// what the build produces or whether it succeeds (docs/kbuild.md#checker-make-c12-checkklp-lint, docs/kbuild.md#compiler-wrapper-klp-lint-cc):
// the wrapper always runs the real compiler with the original argv and
// returns its status; the checker exits 0. Only an explicit policy turns
// findings into a failure.
//
// Module-scope checks need every translation unit of the module. Each TU's
// facts are stored beside its object; the wrapper joins them when kbuild
// compiles "<module>.mod.c" (after every object of the module is built, so
// before the .ko is linked), listing the members from kbuild's "<module>.mod".
// The checker never sees .mod.c: it joins after the TU that completes the
// module (members from the directory's Kbuild/Makefile, or the single
// object named after the module).
//
//===----------------------------------------------------------------------===//

#include "kbuild/KbuildMode.h"
#include "driver/Preamble.h"
#include "driver/Run.h"
#include "kbuild/FactStore.h"
#include "kbuild/Kbuild.h"
#include "support/Hash.h"
#include "support/Process.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Program.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <sstream>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

namespace klp {

namespace {

/// Policy and selection from the environment (wrapper) or leading options
/// (checker): --checks=, --warnings-as-errors=, --check-option=,
/// --target-api=, --werror.
struct Policy {
  std::string Checks;
  std::string WarningsAsErrors;
  std::string TargetAPI;
  Config Options; ///< --check-option values
  bool FullParse = false;
  /// A failure to analyze fails the build (KLP_LINT_WERROR or an explicit
  /// --werror / --warnings-as-errors).
  bool FailClosed = false;

  /// Consume one option; false if \p A is not one of ours.
  bool consume(const std::string &A) {
    auto Value = [&](const char *Prefix, std::string &Out) {
      size_t N = std::strlen(Prefix);
      if (A.compare(0, N, Prefix) != 0)
        return false;
      Out = A.substr(N);
      return true;
    };
    std::string V;
    if (Value("--checks=", Checks))
      return true;
    if (Value("--warnings-as-errors=", WarningsAsErrors)) {
      FailClosed |= !WarningsAsErrors.empty();
      return true;
    }
    if (Value("--target-api=", V)) {
      // Like a bad --check-option: warned about, never a build failure.
      if (parseTargetApi(V))
        TargetAPI = V;
      else
        llvm::errs() << "klp-lint: warning: ignoring invalid --target-api '"
                     << V << "': expected native or v1\n";
      return true;
    }
    if (Value("--check-option=", V)) {
      if (!parseCheckOption(V, Options))
        llvm::errs() << "klp-lint: warning: ignoring invalid --check-option '"
                     << V << "': expected <check>.<Option>=<value>\n";
      return true;
    }
    if (A == "--werror") {
      WarningsAsErrors = "*";
      FailClosed = true;
      return true;
    }
    if (A == "--full-parse") {
      FullParse = true;
      return true;
    }
    return false;
  }

  void fromEnvironment() {
    if (const char *W = std::getenv("KLP_LINT_WERROR"))
      if (std::strcmp(W, "") != 0 && std::strcmp(W, "0") != 0) {
        WarningsAsErrors = "*";
        FailClosed = true;
      }
    if (const char *F = std::getenv("KLP_LINT_FLAGS")) {
      llvm::SmallVector<llvm::StringRef, 8> Words;
      llvm::StringRef(F).split(Words, ' ', -1, false);
      for (llvm::StringRef W : Words)
        if (!consume(W.str()))
          llvm::errs() << "klp-lint: warning: ignoring '" << W
                       << "' in KLP_LINT_FLAGS\n";
    }
  }

  /// Problems of the selection: a glob that selects no check (a typo)
  /// would quietly turn the analysis off.
  std::vector<std::string> problems() const {
    std::vector<std::string> Out;
    for (auto [Name, Value] : {std::pair<const char *, const std::string *>{
                                   "--checks", &Checks},
                               {"--warnings-as-errors", &WarningsAsErrors}}) {
      llvm::Expected<GlobList> G = GlobList::parse(*Value);
      if (!G) {
        Out.push_back(std::string(Name) + ": " + llvm::toString(G.takeError()));
        continue;
      }
      for (const std::string &U : unknownChecks(*G))
        Out.push_back(std::string(Name) + ": " + U);
    }
    return Out;
  }

  SettingsSources sources() const {
    SettingsSources S;
    if (!Checks.empty())
      S.CommandLine.Checks.push_back(Checks);
    if (!WarningsAsErrors.empty())
      S.CommandLine.WarningsAsErrors.push_back(WarningsAsErrors);
    S.CommandLine.CheckOptions = Options.CheckOptions;
    S.CommandLine.TargetAPI = TargetAPI;
    S.ResourceDir = KLP_CLANG_RESOURCE_DIR;
    return S;
  }
};

/// The outermost make this process runs under (pid and start time), or "":
/// one user command, however many sub-makes kbuild runs (directories,
/// modpost, the modules' final link).
std::string makeRunId() {
  std::string Outermost;
  for (pid_t Pid = getppid(); Pid > 1;) {
    std::ifstream Stat("/proc/" + std::to_string(Pid) + "/stat");
    std::string Line;
    if (!std::getline(Stat, Line))
      break;
    // pid (comm) state ppid ... field 22 is the start time.
    size_t Open = Line.find('('), Close = Line.rfind(')');
    if (Open == std::string::npos || Close == std::string::npos)
      break;
    std::string Comm = Line.substr(Open + 1, Close - Open - 1);
    std::istringstream Rest(Line.substr(Close + 2));
    std::vector<std::string> F{std::istream_iterator<std::string>(Rest), {}};
    if (F.size() < 20)
      break;
    if (Comm == "make" || Comm == "gmake")
      Outermost = std::to_string(Pid) + ":" + F[19];
    int Parent = 0;
    if (llvm::StringRef(F[1]).getAsInteger(10, Parent))
      break;
    Pid = Parent;
  }
  return Outermost;
}

/// Report a module once per make run: every member compiled or checked
/// after the module is complete sees it complete, and the first complete
/// join of a run already has every member up to date (a member still to be
/// rebuilt has stale facts and keeps the module incomplete). The stamp's
/// name matches kbuild's clean rules ('.*.d').
bool firstReport(const std::string &Dir, const std::string &ModName) {
  std::string Key = makeRunId();
  if (Key.empty())
    return true; // not under make: always report
  llvm::SmallString<256> Stamp(Dir);
  llvm::sys::path::append(Stamp, "." + ModName + ".klp-joined.d");
  int FD = ::open(Stamp.c_str(), O_RDWR | O_CREAT, 0644);
  if (FD < 0)
    return true;
  ::flock(FD, LOCK_EX);
  char Buf[256] = {};
  ssize_t N = ::read(FD, Buf, sizeof Buf - 1);
  bool First = N < 0 || Key != std::string(Buf, N > 0 ? N : 0);
  if (First && ::ftruncate(FD, 0) == 0) {
    ::lseek(FD, 0, SEEK_SET);
    if (::write(FD, Key.data(), Key.size()) < 0)
      First = true;
  }
  ::close(FD); // releases the lock
  return First;
}

/// The members of \p Call's module: kbuild's "<mod>.mod" (wrapper; written
/// by kbuild, present from the module's first complete build on), else the
/// Kbuild/Makefile "-objs"/"-y" lists, else the single object named after
/// the module.
std::optional<std::vector<std::string>> members(const CompileCall &Call,
                                                const std::string &Dir,
                                                bool Wrapper) {
  if (Wrapper)
    if (auto Objects = moduleObjects(Dir, Call.ModName, /*UseModFile=*/true))
      return Objects;
  if (auto Objects = moduleObjects(Dir, Call.ModName, /*UseModFile=*/false))
    return Objects;
  std::string Stem = llvm::sys::path::stem(Call.Source).str();
  std::replace(Stem.begin(), Stem.end(), '-', '_');
  if (Stem != Call.ModName)
    return std::nullopt;
  return std::vector<std::string>{Call.Object};
}

/// The module checks of \p Call's module, when it is complete and this is
/// the first report of its facts in this make run.
int join(const CompileCall &Call, const std::string &Dir, bool Wrapper,
         SettingsResolver &Resolver, Report &R) {
  if (Call.ModName.empty())
    return ExitClean;
  std::optional<std::vector<std::string>> Objects =
      Call.IsModC ? moduleObjects(Dir, Call.ModName, /*UseModFile=*/true)
                  : members(Call, Dir, Wrapper);
  if (!Objects)
    return ExitClean;
  std::vector<TUFacts> TUs;
  std::string Missing, Damage;
  switch (joinFacts(*Objects, TUs, Missing, Damage)) {
  case JoinState::Incomplete:
    // At <module>.mod.c every member has been built: a member without
    // up-to-date facts was not analyzed (its analysis failed, or it was
    // compiled without klp-lint), and the module's checks cannot run.
    if (!Call.IsModC)
      return ExitClean;
    R.fail({Missing, "module '" + Call.ModName +
                         "': module-scope checks not run: member '" + Missing +
                         "' has no up-to-date klp-lint facts"},
           llvm::errs());
    return ExitCannotAnalyze;
  case JoinState::Damaged:
    R.fail({Missing, Damage}, llvm::errs());
    return ExitCannotAnalyze;
  case JoinState::Complete:
    break;
  }
  if (!firstReport(Dir, Call.ModName))
    return ExitClean;
  return joinModule(Call.ModName, std::move(TUs), Resolver, R);
}

/// Analyze one TU in a kbuild mode and join its module when it is complete;
/// returns an ExitCode.
int analyzeTU(const CompileCall &Call, const std::vector<std::string> &Command,
              const Policy &P, bool Wrapper) {
  SettingsResolver Resolver(P.sources());
  // A build log gets findings only: no summary line per translation unit.
  // A failure to analyze is a warning (the build decides) unless failing
  // closed was asked; then the compiler's view of the file shows too.
  ReportOptions ROpts;
  ROpts.Quiet = true;
  ROpts.FailuresAreWarnings = !P.FailClosed;
  Report R(std::move(ROpts));
  RunOptions Opts;
  Opts.Parse.FullParse = P.FullParse;
  Opts.Parse.Quiet = !P.FailClosed;
  Opts.Parse.PchCache = defaultPchCache();
  Opts.DeferModuleChecks = true;
  Opts.KbuildSiblings = true;
  Opts.Progress = false;
  std::string Dir = llvm::sys::path::parent_path(Call.Object).str();
  if (Dir.empty())
    Dir = ".";
  if (std::vector<std::string> Bad = P.problems(); !Bad.empty()) {
    for (const std::string &B : Bad)
      R.fail({"", B}, llvm::errs());
    return ExitCannotAnalyze;
  }
  // kbuild compiles <module>.mod.c once every object of the module exists.
  if (Call.IsModC)
    return Wrapper ? join(Call, Dir, Wrapper, Resolver, R) : ExitClean;

  std::string FactsPath = factsPathFor(Call.Object);
  int Result = ExitClean;
  if (!mentionsLivepatch(Call.Source)) {
    // No livepatch code: no parse, but the module join must know that.
    if (llvm::Error E = writeFacts(FactsPath, TUFacts(), /*Skipped=*/true,
                                   Call.Source))
      R.fail({FactsPath, llvm::toString(std::move(E))}, llvm::errs());
  } else {
    std::vector<TUFacts> Facts;
    Opts.FactsOut = &Facts;
    Opts.Inputs.Files = {Call.Source};
    Opts.Inputs.FullCommand = Command; // adjusted like any compile command
    Result = runAnalysis(Opts, Resolver, R);
    if (Result == ExitCannotAnalyze || Facts.size() != 1) {
      // Do not leave facts of an older version of this file behind.
      llvm::sys::fs::remove(FactsPath);
      return ExitCannotAnalyze;
    }
    if (llvm::Error E = writeFacts(FactsPath, Facts.front(), false)) {
      R.fail({FactsPath, llvm::toString(std::move(E))}, llvm::errs());
      return ExitCannotAnalyze;
    }
  }
  // A member compiled (or checked) in this run: join once its module is
  // complete, so that an edit of any member reports the module's findings.
  int Joined = join(Call, Dir, Wrapper, Resolver, R);
  return std::max(Result, Joined);
}

/// The status an analysis child gives its parent (klp-lint-cc, or this
/// process's own wrapper or checker front): KbuildFindingsFail for promoted
/// findings, KbuildAnalysisFail for a failure when failing closed.
int kbuildStatus(int RC, const Policy &P) {
  if (RC == ExitPromoted)
    return KbuildFindingsFail;
  if (RC == ExitCannotAnalyze && P.FailClosed)
    return KbuildAnalysisFail;
  return KbuildClean;
}

} // namespace

int wrapperMain(int Argc, const char **Argv, bool RunCompiler) {
  std::vector<std::string> Command;
  int Status = 0;
  std::optional<CompileCall> Call =
      wrapCompiler(Argc, Argv, RunCompiler, Command, Status);
  if (!Call)
    return Status;
  Policy P;
  P.fromEnvironment();
  if (!RunCompiler) // klp-lint-cc's analysis child: it maps the status
    return kbuildStatus(analyzeTU(*Call, Command, P, /*Wrapper=*/true), P);
  // "klp-lint cc": the analysis in a child of its own, so that a crash or a
  // hang cannot turn a good build into a failed one.
  int RC = runChild(
      [&] { return kbuildStatus(analyzeTU(*Call, Command, P, true), P); },
      analysisTimeout());
  return buildStatus(Status, RC, P.FailClosed, Call->Source, "klp-lint");
}

bool isCheckerCall(int Argc, const char **Argv) {
  bool CompilerFlags = false;
  for (int I = 1; I < Argc; ++I) {
    llvm::StringRef A(Argv[I]);
    if (A == "--")
      return false;
    // klp-lint's own options never look like these; kbuild's c_flags
    // always contain some.
    if (A.starts_with("-D") || A.starts_with("-I") || A == "-nostdinc" ||
        A.starts_with("--arch=") || A == "-include")
      CompilerFlags = true;
  }
  return CompilerFlags && llvm::StringRef(Argv[Argc - 1]).ends_with(".c");
}

int checkerMain(int Argc, const char **Argv) {
  Policy P;
  P.fromEnvironment();
  std::vector<std::string> Args;
  for (int I = 1; I < Argc; ++I)
    if (!(Args.empty() && P.consume(Argv[I])))
      Args.push_back(Argv[I]);
  CompileCall Call = classifyCheck(Args);
  if (!Call.IsCompile)
    return 0;
  // The adjuster expects argv[0]; sparse flags and -D__CHECKER__ go there.
  Args.insert(Args.begin(), "cc");
  // kbuild runs the checker under set -e: any non-zero exit aborts the
  // build, so the analysis runs in a child and only the policy decides.
  int RC = runChild(
      [&] { return kbuildStatus(analyzeTU(Call, Args, P, false), P); },
      analysisTimeout());
  return buildStatus(0, RC, P.FailClosed, Call.Source, "klp-lint");
}

} // namespace klp
