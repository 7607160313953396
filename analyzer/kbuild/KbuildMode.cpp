//===- KbuildMode.cpp - klp-lint inside kbuild ----------------------------===//
//
// Both modes analyze one translation unit per process and must never change
// what the build produces or whether it succeeds (integration-notes §1, §2):
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
    if (Value("--checks=", Checks) ||
        Value("--warnings-as-errors=", WarningsAsErrors))
      return true;
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
      if (std::strcmp(W, "") != 0 && std::strcmp(W, "0") != 0)
        WarningsAsErrors = "*";
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

bool fresh(const std::string &Facts, const std::string &Source) {
  llvm::sys::fs::file_status F, S;
  if (llvm::sys::fs::status(Facts, F))
    return false;
  if (llvm::sys::fs::status(Source, S))
    return true; // no source to compare with (generated or moved)
  return F.getLastModificationTime() >= S.getLastModificationTime();
}

/// Join the facts of \p Objects; false if a member has none (not built
/// through klp-lint yet, or stale when \p RequireFresh).
bool joinFacts(const std::vector<std::string> &Objects, bool RequireFresh,
               std::vector<TUFacts> &Out) {
  for (const std::string &O : Objects) {
    std::string Path = factsPathFor(O);
    if (RequireFresh) {
      llvm::SmallString<256> Src(O);
      llvm::sys::path::replace_extension(Src, ".c");
      if (!fresh(Path, std::string(Src)))
        return false;
    }
    bool Skipped = false;
    std::optional<TUFacts> F = readFacts(Path, Skipped);
    if (!F)
      return false;
    if (!Skipped)
      Out.push_back(std::move(*F));
  }
  return true;
}

/// The make process this checker runs under (pid and start time), or "".
/// kbuild checks all files of a directory from one sub-make.
std::string makeRunId() {
  for (pid_t Pid = getppid(); Pid > 1;) {
    std::ifstream Stat("/proc/" + std::to_string(Pid) + "/stat");
    std::string Line;
    if (!std::getline(Stat, Line))
      return "";
    // pid (comm) state ppid ... field 22 is the start time.
    size_t Open = Line.find('('), Close = Line.rfind(')');
    if (Open == std::string::npos || Close == std::string::npos)
      return "";
    std::string Comm = Line.substr(Open + 1, Close - Open - 1);
    std::istringstream Rest(Line.substr(Close + 2));
    std::vector<std::string> F{std::istream_iterator<std::string>(Rest), {}};
    if (F.size() < 20)
      return "";
    if (Comm == "make" || Comm == "gmake")
      return std::to_string(Pid) + ":" + F[19];
    Pid = std::stoi(F[1]);
  }
  return "";
}

/// In CHECK= mode every member checked after the module is complete sees a
/// complete module; report a given set of facts once per make run.
bool firstReport(const std::string &Dir, const std::string &ModName,
                 const std::vector<std::string> &Objects) {
  std::string Run = makeRunId();
  if (Run.empty())
    return true; // not under make: always report
  uint64_t H = HashSeed;
  for (const std::string &O : Objects) {
    std::ifstream In(factsPathFor(O), std::ios::binary);
    H = hashBytes(std::string((std::istreambuf_iterator<char>(In)), {}), H);
  }
  std::string Key = Run + " " + std::to_string(H);
  llvm::SmallString<256> Stamp(Dir);
  llvm::sys::path::append(Stamp, "." + ModName + ".klp-joined");
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

/// Analyze one TU in a kbuild mode; returns ExitPromoted or ExitClean.
int analyzeTU(const CompileCall &Call, const std::vector<std::string> &Command,
              const Policy &P, bool Wrapper) {
  SettingsResolver Resolver(P.sources());
  // A build log gets findings only: no summary line per translation unit,
  // and a failure to analyze is a warning (the build decides).
  ReportOptions ROpts;
  ROpts.Quiet = true;
  ROpts.FailuresAreWarnings = true;
  Report R(std::move(ROpts));
  RunOptions Opts;
  Opts.Parse.FullParse = P.FullParse;
  Opts.Parse.Quiet = true;
  Opts.Parse.PchCache = defaultPchCache();
  Opts.DeferModuleChecks = true;
  Opts.Progress = false;
  std::string Dir = llvm::sys::path::parent_path(Call.Object).str();
  if (Dir.empty())
    Dir = ".";
  if (std::vector<std::string> Bad = P.problems(); !Bad.empty()) {
    for (const std::string &B : Bad)
      R.fail({"", B}, llvm::errs());
    return ExitCannotAnalyze;
  }

  if (Call.IsModC) {
    // kbuild compiles <module>.mod.c once every object of the module exists.
    if (!Wrapper || Call.ModName.empty())
      return ExitClean;
    std::optional<std::vector<std::string>> Objects =
        moduleObjects(Dir, Call.ModName, /*UseModFile=*/true);
    std::vector<TUFacts> TUs;
    if (!Objects || !joinFacts(*Objects, false, TUs))
      return ExitClean;
    return joinModule(Call.ModName, std::move(TUs), Resolver, R);
  }

  std::string FactsPath = factsPathFor(Call.Object);
  std::string Error;
  int Result = ExitClean;
  if (!mentionsLivepatch(Call.Source)) {
    // No livepatch code: no parse, but the module join must know that.
    if (!writeFacts(FactsPath, TUFacts(), /*Skipped=*/true, Error))
      llvm::errs() << "klp-lint: warning: cannot write '" << FactsPath
                   << "': " << Error << "\n";
  } else {
    std::vector<TUFacts> Facts;
    Opts.FactsOut = &Facts;
    Opts.Inputs.Files = {Call.Source};
    Opts.Inputs.FullCommand = Command; // adjusted like any compile command
    int RC = runAnalysis(Opts, Resolver, R);
    if (RC == ExitPromoted)
      Result = ExitPromoted;
    if (RC == ExitCannotAnalyze || Facts.size() != 1) {
      // Do not leave facts of an older version of this file behind.
      llvm::sys::fs::remove(FactsPath);
      return Result;
    }
    if (!writeFacts(FactsPath, Facts.front(), false, Error))
      llvm::errs() << "klp-lint: warning: cannot write '" << FactsPath
                   << "': " << Error << "\n";
  }

  if (!Wrapper && !Call.ModName.empty()) {
    // CHECK= mode: join once this TU completes the module.
    std::optional<std::vector<std::string>> Objects =
        moduleObjects(Dir, Call.ModName, /*UseModFile=*/false);
    if (!Objects) {
      std::string Stem = llvm::sys::path::stem(Call.Source).str();
      std::replace(Stem.begin(), Stem.end(), '-', '_');
      if (Stem != Call.ModName)
        return Result;
      Objects = std::vector<std::string>{Call.Object};
    }
    std::vector<TUFacts> TUs;
    if (joinFacts(*Objects, /*RequireFresh=*/true, TUs) &&
        firstReport(Dir, Call.ModName, *Objects) &&
        joinModule(Call.ModName, std::move(TUs), Resolver, R) == ExitPromoted)
      Result = ExitPromoted;
  }
  return Result;
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
  return analyzeTU(*Call, Command, P, /*Wrapper=*/true) == ExitPromoted ? 1
                                                                          : Status;
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
  return analyzeTU(Call, Args, P, /*Wrapper=*/false) == ExitPromoted ? 1 : 0;
}

} // namespace klp
