// SPDX-License-Identifier: GPL-2.0-only
//===- Preamble.cpp - A PCH cache for kernel header preambles -------------===//

#include "driver/Preamble.h"
#include "driver/Parse.h"
#include "driver/PchCache.h"
#include "kbuild/Kbuild.h"
#include "support/Hash.h"
#include "support/Paths.h"

#include <clang/Basic/FileManager.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendActions.h>
#include <clang/Tooling/CompilationDatabase.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <fcntl.h>
#include <sstream>
#include <sys/file.h>
#include <unistd.h>

using namespace clang;

namespace klp {

std::string defaultPchCache() {
  if (const char *E = std::getenv("KLP_LINT_PCH_CACHE"))
    return std::string(E) == "off" ? "" : std::string(E);
  llvm::SmallString<256> Dir;
  if (const char *X = std::getenv("XDG_CACHE_HOME"); X && *X)
    Dir = X;
  else if (const char *H = std::getenv("HOME"); H && *H)
    llvm::sys::path::append(Dir, H, ".cache");
  else
    return "";
  llvm::sys::path::append(Dir, "klp-lint", "pch");
  return std::string(Dir);
}

namespace {

/// The directive lines of a preamble: only #include <...>, #define and
/// #undef lines (backslash continuations joined), with the comments and
/// blank lines between them dropped; IsInclude marks the #include lines.
struct Directives {
  std::vector<std::string> Lines;
  std::vector<bool> IsInclude;
  unsigned includes() const {
    return std::count(IsInclude.begin(), IsInclude.end(), true);
  }
  /// The header text of the first \p N lines.
  std::string text(size_t N) const {
    std::string T;
    for (size_t I = 0; I < N; ++I)
      T += Lines[I] + "\n";
    return T;
  }
};

/// The leading lines of \p Text that are only #include <...>, #define,
/// #undef, comments and blank lines: safe to precompile (no conditionals to
/// cut in half, no quote includes of the livepatch's own files).
Directives preambleDirectives(llvm::StringRef Text) {
  Directives D;
  size_t Pos = 0;
  bool InComment = false;
  while (Pos < Text.size()) {
    size_t NL = Text.find('\n', Pos);
    if (NL == llvm::StringRef::npos)
      break; // only whole lines
    llvm::StringRef Line = Text.slice(Pos, NL);
    // Join backslash continuations (multi-line #define).
    while (Line.ends_with("\\") && NL + 1 < Text.size()) {
      size_t Next = Text.find('\n', NL + 1);
      if (Next == llvm::StringRef::npos)
        return D;
      NL = Next;
      Line = Text.slice(Pos, NL);
    }
    llvm::StringRef L = Line.trim();
    bool Ok = true;
    if (InComment) {
      if (L.contains("*/"))
        InComment = !L.rsplit("*/").second.trim().empty() &&
                    L.rsplit("*/").second.contains("/*");
    } else if (L.empty() || L.starts_with("//")) {
    } else if (L.starts_with("/*")) {
      InComment = !L.contains("*/");
      if (!InComment && !L.rsplit("*/").second.trim().empty())
        Ok = false;
    } else if (L.starts_with("#")) {
      llvm::StringRef Dir = L.drop_front().ltrim();
      bool Include = Dir.starts_with("include") &&
                     Dir.drop_front(7).ltrim().starts_with("<");
      // A comment opened on the line and left open would swallow what
      // follows once the comment lines are dropped.
      size_t Open = L.rfind("/*");
      if (Open != llvm::StringRef::npos && L.find("*/", Open) == llvm::StringRef::npos)
        Ok = false;
      else if (Include || Dir.starts_with("define") || Dir.starts_with("undef")) {
        D.Lines.push_back(L.str());
        D.IsInclude.push_back(Include);
      } else
        Ok = false;
    } else {
      Ok = false;
    }
    if (!Ok)
      break;
    Pos = NL + 1;
  }
  return D;
}

bool isIdentityDefine(const std::string &A) {
  for (const char *M : {"KBUILD_MODNAME=", "KBUILD_BASENAME=",
                        "__KBUILD_MODNAME=", "KBUILD_MODFILE="})
    if (A == std::string("-D") + M || A.rfind(std::string("-D") + M, 0) == 0)
      return true;
  return false;
}

/// "path size mtime" per line for every file the PCH read.
bool depsValid(const std::string &Deps) {
  std::ifstream In(Deps);
  if (!In)
    return false;
  std::string Line;
  unsigned N = 0;
  while (std::getline(In, Line)) {
    std::istringstream L(Line);
    std::string Path;
    uint64_t Size = 0;
    int64_t MTime = 0;
    if (!(L >> std::quoted(Path) >> Size >> MTime))
      return false;
    llvm::sys::fs::file_status St;
    if (llvm::sys::fs::status(Path, St) || St.getSize() != Size ||
        llvm::sys::toTimeT(St.getLastModificationTime()) != MTime)
      return false;
    ++N;
  }
  return N > 0;
}

class BuildPch : public GeneratePCHAction {
public:
  BuildPch(std::string Output, std::string Deps, bool &Built)
      : Output(std::move(Output)), Deps(std::move(Deps)), Built(Built) {}

  bool BeginInvocation(CompilerInstance &CI) override {
    CI.getFrontendOpts().OutputFile = Output;
    // Nothing in the preamble is the livepatch's own code: keep only the
    // declarations. This also keeps the identity macros (KBUILD_MODNAME),
    // which header inline functions expand through pr_fmt, out of the PCH.
    CI.getFrontendOpts().SkipFunctionBodies = true;
    return GeneratePCHAction::BeginInvocation(CI);
  }

  void EndSourceFileAction() override {
    GeneratePCHAction::EndSourceFileAction();
    CompilerInstance &CI = getCompilerInstance();
    if (CI.getDiagnostics().hasErrorOccurred())
      return;
    std::error_code EC;
    llvm::raw_fd_ostream OS(Deps, EC);
    if (EC)
      return;
    SourceManager &SM = CI.getSourceManager();
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
      FileEntryRef F = It->first;
      // kbuild's -I paths are relative to the kernel build directory.
      llvm::SmallString<256> Path(F.getFileEntry().tryGetRealPathName());
      if (Path.empty())
        continue; // virtual (embedded headers): part of the binary's version
      llvm::sys::fs::file_status St;
      if (llvm::sys::fs::status(Path, St))
        continue;
      std::ostringstream Q;
      Q << std::quoted(std::string(Path));
      OS << Q.str() << " " << St.getSize() << " "
         << llvm::sys::toTimeT(St.getLastModificationTime()) << "\n";
    }
    Built = true;
  }

private:
  std::string Output, Deps;
  bool &Built;
};

/// ClangTool deletes the action when it is done; what it found out lives
/// here, in the factory, which outlives the run.
class BuildPchFactory : public tooling::FrontendActionFactory {
public:
  BuildPchFactory(std::string Output, std::string Deps)
      : Output(std::move(Output)), Deps(std::move(Deps)) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<BuildPch>(Output, Deps, Built);
  }
  bool Built = false;

private:
  std::string Output, Deps;
};

/// The PCH's own command: the TU's without the file, its identity and
/// anything that is about diagnostics checking rather than parsing.
std::vector<std::string> pchCommand(const std::string &File,
                                    const std::vector<std::string> &Args,
                                    const std::string &Directory) {
  std::vector<std::string> Out;
  for (size_t I = 0; I < Args.size(); ++I) {
    const std::string &A = Args[I];
    // The input as the command names it: relative to its directory in an
    // in-tree compile database.
    if (A == File || (!A.empty() && A[0] != '-' && absolutePath(A, Directory) == File) ||
        isIdentityDefine(A))
      continue;
    // Outputs (the object, the dependency file) differ per file and do
    // not change the parse: files of one directory share a PCH.
    if ((A == "-Xclang" && I + 1 < Args.size() &&
         llvm::StringRef(Args[I + 1]).starts_with("-verify")) ||
        A == "-include-pch" || A == "-o" || A == "-MF" || A == "-MT" ||
        A == "-MQ") {
      ++I;
      continue;
    }
    if (A == "-MD" || A == "-MMD" || llvm::StringRef(A).starts_with("-Wp,-M") ||
        (llvm::StringRef(A).starts_with("-o") && A.size() > 2))
      continue;
    Out.push_back(A);
  }
  return Out;
}

/// Prints nothing but counts errors: ClangTool's result comes from the
/// consumer's error count, which IgnoringDiagConsumer never increments
/// (and counted warnings would make clang print "N warnings generated.").
class QuietCounter : public DiagnosticConsumer {
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    if (Level >= DiagnosticsEngine::Error)
      DiagnosticConsumer::HandleDiagnostic(Level, Info);
  }
};

/// With the PCH, the TU's parse reads the prefix a second time (include
/// guards make that a no-op for ordinary headers). A prefix whose second
/// reading does something (CREATE_TRACE_POINTS and the trace headers it
/// reads again, a header without a guard, a macro defined differently) must
/// not be precompiled: parse the prefix once more on top of its own PCH and
/// accept only a clean result, macro redefinitions included.
bool reprocessesCleanly(const CacheEntry &E, const std::string &Pch,
                        std::vector<std::string> Args,
                        const std::string &Directory,
                        llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
  Args.pop_back(); // the header, added back last
  Args.erase(std::remove(Args.begin(), Args.end(), "-Wno-everything"), Args.end());
  // No carets: clang then prints no "N errors generated." either.
  Args.insert(Args.end(), {"-fsyntax-only", "-fno-caret-diagnostics", "-include-pch", Pch,
                           "-Werror=macro-redefined", E.Header});
  OneCommandDatabase DB(tooling::CompileCommand(Directory, E.Header, Args, ""));
  tooling::ClangTool Tool(DB, {E.Header},
                          std::make_shared<PCHContainerOperations>(), FS);
  QuietCounter Quiet;
  if (!std::getenv("KLP_LINT_DEBUG_PCH"))
    Tool.setDiagnosticConsumer(&Quiet);
  Tool.setPrintErrorMessage(false);
  return Tool.run(tooling::newFrontendActionFactory<SyntaxOnlyAction>().get()) == 0;
}

/// Precompile \p E.Header with \p PchArgs; publish the PCH and its
/// dependency list atomically (concurrent builds each rename their own).
bool buildPch(const CacheEntry &E, std::vector<std::string> PchArgs,
              const std::string &Directory,
              llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
  std::string Tmp = tempName(E.Pch), TmpDeps = tempName(E.Deps);
  PchArgs.push_back(E.Header);
  OneCommandDatabase DB(tooling::CompileCommand(Directory, E.Header, PchArgs, ""));
  tooling::ClangTool Tool(DB, {E.Header},
                          std::make_shared<PCHContainerOperations>(), FS);
  // A preamble that cannot be precompiled on its own is not an error: the
  // TU is then parsed without a PCH. KLP_LINT_DEBUG_PCH=1 shows why.
  IgnoringDiagConsumer Quiet;
  if (!std::getenv("KLP_LINT_DEBUG_PCH"))
    Tool.setDiagnosticConsumer(&Quiet);
  Tool.setPrintErrorMessage(false);
  BuildPchFactory Factory(Tmp, TmpDeps);
  if (Tool.run(&Factory) != 0 || !Factory.Built) {
    llvm::sys::fs::remove(Tmp);
    llvm::sys::fs::remove(TmpDeps);
    return false;
  }
  if (!reprocessesCleanly(E, Tmp, PchArgs, Directory, FS)) {
    llvm::sys::fs::remove(Tmp);
    llvm::sys::fs::remove(TmpDeps);
    return false;
  }
  return !llvm::sys::fs::rename(TmpDeps, E.Deps) &&
         !llvm::sys::fs::rename(Tmp, E.Pch);
}

std::vector<std::string> preambleText(const std::string &File, Directives &D) {
  auto Buf = llvm::MemoryBuffer::getFile(File);
  if (!Buf)
    return {};
  D = preambleDirectives((*Buf)->getBuffer());
  return D.Lines;
}

/// What files must share to share a PCH: the PCH's command and directory.
uint64_t flagsKey(const std::vector<std::string> &PchArgs,
                  const std::string &Directory) {
  uint64_t H = hashBytes(Directory);
  for (const std::string &A : PchArgs)
    H = hashBytes(A + '\0', H);
  return H;
}

enum class Build { Used, Busy, Failed };

/// Build \p E's PCH for \p Text unless another process or thread is
/// building it right now (Busy: parse without, rather than wait for it).
Build buildLocked(const CacheEntry &E, const std::string &CacheDir,
                  const std::string &Text, std::vector<std::string> PchArgs,
                  const std::string &File, const std::string &Directory,
                  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
  if (llvm::sys::fs::create_directories(CacheDir))
    return Build::Failed;
  int Fd = ::open(E.Lock.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644);
  if (Fd < 0)
    return Build::Failed;
  if (::flock(Fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(Fd);
    return Build::Busy;
  }
  Build Result = Build::Failed;
  if (llvm::sys::fs::exists(E.Pch) && depsValid(E.Deps)) {
    Result = Build::Used; // built while this run looked
  } else if (!llvm::sys::fs::exists(E.Fail) && writeOnce(E.Header, Text)) {
    if (buildPch(E, std::move(PchArgs), Directory, FS))
      Result = Build::Used;
    else
      std::ofstream(E.Fail) << File << "\n";
    tidyCache(CacheDir);
  }
  touch(E);
  ::close(Fd); // releases the lock
  if (Result == Build::Used && !llvm::sys::fs::exists(E.Pch))
    Result = Build::Failed; // pruned at once: the cache cap is too small
  return Result;
}

} // namespace

void PrefixPlan::addPeer(const std::string &File, const std::string &ArgsFile,
                         const std::vector<std::string> &Args,
                         const std::string &Directory) {
  Directives D;
  preambleText(File, D);
  if (D.includes() == 0)
    return;
  Groups[flagsKey(pchCommand(ArgsFile, Args, Directory), Directory)][File] =
      std::move(D.Lines);
}

size_t PrefixPlan::peers() const {
  size_t N = 0;
  for (const auto &[Key, Files] : Groups)
    N += Files.size();
  return N;
}

size_t PrefixPlan::sharedLines(uint64_t Flags,
                               const std::vector<std::string> &Lines,
                               const std::vector<bool> &IsInclude) const {
  auto G = Groups.find(Flags);
  if (G == Groups.end())
    return 0;
  // One PCH that serves the most files beats several deeper ones: each
  // costs about one parse of its headers to build, and what a deeper one
  // adds (a few headers after <linux/module.h>) is little.
  size_t Best = 0, BestCount = 1;
  for (size_t N = 1; N <= Lines.size(); ++N) {
    if (!IsInclude[N - 1])
      continue;
    size_t Count = 0;
    for (const auto &[File, Other] : G->second)
      if (Other.size() >= N && std::equal(Lines.begin(), Lines.begin() + N, Other.begin()))
        ++Count;
    if (Count >= 2 && Count >= BestCount) {
      Best = N;
      BestCount = Count;
    }
  }
  return Best;
}

void addKbuildSiblings(PrefixPlan &Plan, const std::string &File,
                       const std::vector<std::string> &Args,
                       const std::string &Directory) {
  Plan.addPeer(File, File, Args, Directory);
  std::error_code EC;
  unsigned N = 0;
  llvm::StringRef Dir = llvm::sys::path::parent_path(File);
  for (llvm::sys::fs::directory_iterator It(Dir.empty() ? "." : Dir, EC), End;
       It != End && !EC && N < 256; It.increment(EC)) {
    llvm::StringRef P = It->path();
    // Only files kbuild mode will parse: the prefilter skips the others
    // (the module being patched, beside its livepatch).
    if (!P.ends_with(".c") || P.ends_with(".mod.c") || P == File ||
        !mentionsLivepatch(P.str()))
      continue;
    ++N;
    Plan.addPeer(P.str(), File, Args, Directory);
  }
}

std::vector<std::string>
preambleArgs(const std::string &File, const std::vector<std::string> &Args,
             const std::string &Directory, const std::string &CacheDir,
             llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
             const std::string &Salt, const PrefixPlan *Plan) {
  if (CacheDir.empty())
    return {};
  Directives D;
  preambleText(File, D);
  if (D.includes() == 0)
    return {};
  std::vector<std::string> PchArgs = pchCommand(File, Args, Directory);
  uint64_t Flags = flagsKey(PchArgs, Directory);
  uint64_t H = hashBytes(Salt, hashBytes(KLP_LINT_VERSION));
  H = hashBytes(std::to_string(Flags), H);
  auto EntryFor = [&](size_t N) {
    return CacheEntry(CacheDir, hashHex(hashBytes(D.text(N), H)));
  };
  auto Ready = [](const CacheEntry &E) {
    if (!llvm::sys::fs::exists(E.Pch) || !depsValid(E.Deps))
      return false;
    touch(E);
    return true;
  };
  CacheEntry E = EntryFor(D.Lines.size());
  if (Ready(E))
    return {"-include-pch", E.Pch};

  // The run has other files that start the same way: precompile the
  // shared prefix now, on its first sighting.
  if (size_t N = Plan ? Plan->sharedLines(Flags, D.Lines, D.IsInclude) : 0) {
    CacheEntry S = EntryFor(N);
    if (Ready(S))
      return {"-include-pch", S.Pch};
    if (!llvm::sys::fs::exists(S.Fail)) {
      switch (buildLocked(S, CacheDir, D.text(N), PchArgs, File, Directory, FS)) {
      case Build::Used:
        return {"-include-pch", S.Pch};
      case Build::Busy:
        return {};
      case Build::Failed:
        break; // the file's own preamble, as without peers
      }
    }
  }

  if (llvm::sys::fs::exists(E.Fail))
    return {}; // this preamble cannot be precompiled alone
  // First sighting: remember the key, parse normally.
  if (!llvm::sys::fs::exists(E.Seen)) {
    if (llvm::sys::fs::create_directories(CacheDir))
      return {};
    std::ofstream(E.Seen) << File << "\n";
    return {};
  }
  // Second sighting: build the PCH now and use it.
  if (buildLocked(E, CacheDir, D.text(D.Lines.size()), std::move(PchArgs), File,
                  Directory, FS) == Build::Used)
    return {"-include-pch", E.Pch};
  return {};
}

void rejectPch(const std::string &Pch, const std::string &Why,
               bool Permanently) {
  CacheEntry E = CacheEntry::ofPch(Pch);
  if (Permanently) {
    markFailed(E, Why);
  } else {
    llvm::sys::fs::remove(E.Pch);
    llvm::sys::fs::remove(E.Deps);
  }
}

} // namespace klp
