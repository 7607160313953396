// SPDX-License-Identifier: GPL-2.0-only
//===- Kbuild.cpp - What a kbuild compiler or checker call is -------------===//

#include "kbuild/Kbuild.h"
#include "kbuild/ArgumentAdjuster.h"
#include "support/Process.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <set>

namespace klp {

namespace {

// Options whose value is the next argument (gcc spelling).
const char *const TakesValue[] = {
    "-o", "-I", "-include", "-isystem", "-iquote", "-idirafter", "-imacros",
    "-MF", "-MT", "-MQ", "-x", "-D", "-U", "--param", "-Xlinker",
    "-Xassembler", "-Xpreprocessor", "-aux-info", "-L", "-l", "-T", "-u",
    "-z", "-G", "-target", "--target", "-arch"};

bool takesValue(const std::string &A) {
  return std::find(std::begin(TakesValue), std::end(TakesValue), A) !=
         std::end(TakesValue);
}

bool endsWith(const std::string &S, const std::string &Suffix) {
  return S.size() >= Suffix.size() &&
         S.compare(S.size() - Suffix.size(), Suffix.size(), Suffix) == 0;
}

std::string replaceExtension(const std::string &Path, const char *Ext) {
  llvm::SmallString<256> P(Path);
  llvm::sys::path::replace_extension(P, Ext);
  return std::string(P);
}

} // namespace

CompileCall classifyCompile(const std::vector<std::string> &Args) {
  CompileCall C;
  bool Compile = false;
  std::vector<std::string> Inputs;
  for (size_t I = 0; I < Args.size(); ++I) {
    const std::string &A = Args[I];
    if (A == "-c")
      Compile = true;
    else if (A == "-E" || A == "-S" || A == "-M" || A == "-MM")
      return C; // preprocessing, asm-offsets, dependency generation
    else if (A == "-x" && I + 1 < Args.size() &&
             Args[I + 1].compare(0, 9, "assembler") == 0)
      return C;
    else if (A.compare(0, 11, "-xassembler") == 0)
      return C;
    else if (A == "-o" && I + 1 < Args.size())
      C.Object = Args[++I];
    else if (takesValue(A))
      ++I;
    else if (A == "-" || (!A.empty() && A[0] != '-'))
      Inputs.push_back(A);
  }
  if (!Compile || Inputs.size() != 1 || !endsWith(Inputs[0], ".c"))
    return C; // cc-option probes use /dev/null or "-": not ".c"
  C.IsCompile = true;
  C.Source = Inputs[0];
  if (C.Object.empty())
    C.Object = replaceExtension(llvm::sys::path::filename(C.Source).str(), ".o");
  C.ModName = kbuildModName(Args);
  C.IsModC = endsWith(C.Source, ".mod.c");
  return C;
}

CompileCall classifyCheck(const std::vector<std::string> &Args) {
  CompileCall C;
  if (Args.empty() || !endsWith(Args.back(), ".c"))
    return C;
  C.IsCompile = true;
  C.Source = Args.back();
  C.Object = replaceExtension(C.Source, ".o");
  C.ModName = kbuildModName(Args);
  C.IsModC = endsWith(C.Source, ".mod.c");
  return C;
}

static bool mentionsLivepatch(const std::string &Source, int Depth,
                              std::set<std::string> &Seen,
                              const std::map<std::string, std::string> &Overlay) {
  if (Depth > 4 || !Seen.insert(Source).second)
    return false;
  std::unique_ptr<llvm::MemoryBuffer> Buf;
  if (auto O = Overlay.find(Source); O != Overlay.end()) {
    Buf = llvm::MemoryBuffer::getMemBuffer(O->second, Source);
  } else {
    auto Disk = llvm::MemoryBuffer::getFile(Source);
    if (!Disk)
      return true; // let the analysis report what is wrong
    Buf = std::move(*Disk);
  }
  llvm::StringRef Text = Buf->getBuffer();
  // The livepatch API's names start a word: "klp_shadow_get", not the
  // "test_klp_callbacks_mod_init" of a target module.
  auto Word = [&](llvm::StringRef Needle) {
    for (size_t At = Text.find(Needle); At != llvm::StringRef::npos;
         At = Text.find(Needle, At + 1)) {
      char Before = At ? Text[At - 1] : ' ';
      if (!std::isalnum(static_cast<unsigned char>(Before)) && Before != '_')
        return true;
    }
    return false;
  };
  if (Word("klp_") || Word("KPATCH_") || Word("KLP_"))
    return true;
  // A .c file that includes another .c file (test_klp_state3.c style).
  size_t Pos = 0;
  while ((Pos = Text.find("#include \"", Pos)) != llvm::StringRef::npos) {
    Pos += 10;
    size_t End = Text.find('"', Pos);
    if (End == llvm::StringRef::npos)
      break;
    llvm::StringRef Name = Text.slice(Pos, End);
    if (Name.ends_with(".c")) {
      llvm::SmallString<256> P(llvm::sys::path::parent_path(Source));
      llvm::sys::path::append(P, Name);
      if (mentionsLivepatch(std::string(P), Depth + 1, Seen, Overlay))
        return true;
    }
  }
  return false;
}

bool mentionsLivepatch(const std::string &Source,
                       const std::map<std::string, std::string> &Overlay) {
  std::set<std::string> Seen;
  return mentionsLivepatch(Source, 0, Seen, Overlay);
}

/// The composite modules of a Kbuild or Makefile: "<mod>-objs := a.o b.o"
/// and "<mod>-y += c.o" lines (backslash continuations joined), by
/// KBUILD_MODNAME (kbuild names the composite after the module file, which
/// may use '-' where KBUILD_MODNAME has '_').
static std::map<std::string, std::vector<std::string>>
makefileModules(const std::string &Path) {
  std::map<std::string, std::vector<std::string>> Modules;
  std::ifstream In(Path);
  std::string Line, Logical;
  std::vector<std::string> Lines;
  while (std::getline(In, Line)) {
    if (!Line.empty() && Line.back() == '\\') {
      Logical += Line.substr(0, Line.size() - 1) + " ";
      continue;
    }
    Lines.push_back(Logical + Line);
    Logical.clear();
  }
  for (const std::string &L : Lines) {
    llvm::StringRef S(L);
    S = S.ltrim();
    size_t Eq = S.find('=');
    if (Eq == llvm::StringRef::npos)
      continue;
    llvm::StringRef Lhs = S.take_front(Eq).rtrim(":+? \t");
    std::string Name;
    if (Lhs.ends_with("-objs"))
      Name = Lhs.drop_back(5).str();
    else if (Lhs.ends_with("-y"))
      Name = Lhs.drop_back(2).str();
    else
      continue;
    std::replace(Name.begin(), Name.end(), '-', '_');
    llvm::SmallVector<llvm::StringRef, 8> Words;
    S.drop_front(Eq + 1).split(Words, ' ', -1, false);
    for (llvm::StringRef W : Words)
      if (W.trim().ends_with(".o"))
        Modules[Name].push_back(W.trim().str());
  }
  return Modules;
}

static std::vector<std::string> objsFromMakefile(const std::string &Path,
                                                 const std::string &ModName) {
  auto Modules = makefileModules(Path);
  auto It = Modules.find(ModName);
  return It == Modules.end() ? std::vector<std::string>() : It->second;
}

std::string moduleOfObject(const std::string &Dir, const std::string &Object) {
  for (const char *Makefile : {"Kbuild", "Makefile"}) {
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, Makefile);
    for (const auto &[Name, Objs] : makefileModules(std::string(P)))
      if (std::find(Objs.begin(), Objs.end(), Object) != Objs.end())
        return Name;
  }
  std::string Stem = llvm::sys::path::stem(Object).str();
  std::replace(Stem.begin(), Stem.end(), '-', '_');
  return Stem;
}

std::optional<std::vector<std::string>>
moduleObjects(const std::string &Dir, const std::string &ModName,
              bool UseModFile) {
  auto Join = [&](const std::string &Name) {
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, Name);
    return std::string(P);
  };
  if (UseModFile) {
    // kbuild writes one object path per line; the file name uses the
    // module's file name, which may spell '_' as '-'.
    for (std::string File : {ModName, std::string()}) {
      if (File.empty()) {
        File = ModName;
        std::replace(File.begin(), File.end(), '_', '-');
      }
      std::ifstream In(Join(File + ".mod"));
      if (!In)
        continue;
      std::vector<std::string> Objs;
      std::string Line;
      while (std::getline(In, Line))
        if (!Line.empty())
          Objs.push_back(Line);
      return Objs;
    }
    return std::nullopt;
  }
  for (const char *Makefile : {"Kbuild", "Makefile"}) {
    std::vector<std::string> Objs = objsFromMakefile(Join(Makefile), ModName);
    if (!Objs.empty()) {
      for (std::string &O : Objs)
        O = Join(O);
      return Objs;
    }
  }
  return std::nullopt;
}

std::optional<CompileCall> wrapCompiler(int Argc, const char **Argv,
                                        bool RunCompiler,
                                        std::vector<std::string> &Command,
                                        int &Status) {
  if (Argc < 2) {
    std::fprintf(stderr, "usage: klp-lint-cc <compiler> <args>...\n"
                         "  runs the compiler unchanged, then analyzes "
                         "livepatch translation units\n");
    Status = 2;
    return std::nullopt;
  }
  Command.assign(Argv + 1, Argv + Argc);
  Status = RunCompiler ? runProgram(Command, "klp-lint-cc") : 0;
  if (Status != 0)
    return std::nullopt; // the compiler's verdict stands; nothing to analyze
  const char *Off = std::getenv("KLP_LINT_DISABLE");
  if (Off && *Off && std::strcmp(Off, "0") != 0)
    return std::nullopt;
  CompileCall Call = classifyCompile(
      std::vector<std::string>(Command.begin() + 1, Command.end()));
  if (!Call.IsCompile)
    return std::nullopt;
  return Call;
}

bool failClosedFromEnvironment() {
  if (const char *W = std::getenv("KLP_LINT_WERROR"))
    if (*W && std::strcmp(W, "0") != 0)
      return true;
  if (const char *F = std::getenv("KLP_LINT_FLAGS")) {
    llvm::SmallVector<llvm::StringRef, 8> Words;
    llvm::StringRef(F).split(Words, ' ', -1, false);
    for (llvm::StringRef W : Words)
      if (W == "--werror" ||
          (W.consume_front("--warnings-as-errors=") && !W.empty()))
        return true;
  }
  return false;
}

unsigned analysisTimeout() {
  unsigned Seconds = 300;
  if (const char *T = std::getenv("KLP_LINT_TIMEOUT"))
    if (llvm::StringRef(T).getAsInteger(10, Seconds))
      Seconds = 300;
  return Seconds;
}

int buildStatus(int CompilerStatus, int AnalysisStatus, bool FailClosed,
                const std::string &Source, const char *Who) {
  if (AnalysisStatus == KbuildClean)
    return CompilerStatus;
  if (AnalysisStatus == KbuildFindingsFail || AnalysisStatus == KbuildAnalysisFail)
    return CompilerStatus ? CompilerStatus : 1;
  std::string Why = AnalysisStatus == ExitTimedOut
                        ? "took longer than KLP_LINT_TIMEOUT (" +
                              std::to_string(analysisTimeout()) + " s)"
                    : AnalysisStatus == ExitCannotRun
                        ? std::string("could not be started")
                    : AnalysisStatus > 128
                        ? "was killed by signal " + std::to_string(AnalysisStatus - 128)
                        : "ended with status " + std::to_string(AnalysisStatus);
  if (FailClosed) {
    std::fprintf(stderr,
                 "%s: error: the livepatch analysis of '%s' %s, and "
                 "KLP_LINT_WERROR asks to fail the build\n",
                 Who, Source.c_str(), Why.c_str());
    return CompilerStatus ? CompilerStatus : 1;
  }
  std::fprintf(stderr,
               "%s: warning: the livepatch analysis of '%s' %s; the build "
               "goes on (KLP_LINT_WERROR=1 fails it instead)\n",
               Who, Source.c_str(), Why.c_str());
  return CompilerStatus;
}

} // namespace klp
