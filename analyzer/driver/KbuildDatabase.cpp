// SPDX-License-Identifier: GPL-2.0-only
//===- KbuildDatabase.cpp - Compile commands from kbuild's .cmd files -----===//

#include "driver/KbuildDatabase.h"
#include "support/Paths.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Program.h>

#include <algorithm>
#include <set>

#include <unistd.h>

extern char **environ;

namespace klp {

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;
using clang::tooling::CompileCommand;

std::vector<std::string> splitShellWords(llvm::StringRef Command) {
  std::vector<std::string> Words;
  std::string Word;
  bool InWord = false;
  for (size_t I = 0; I < Command.size(); ++I) {
    char C = Command[I];
    if (C == ' ' || C == '\t' || C == '\n') {
      if (InWord)
        Words.push_back(std::move(Word));
      Word.clear();
      InWord = false;
      continue;
    }
    InWord = true;
    if (C == '\\' && I + 1 < Command.size()) {
      Word += Command[++I];
    } else if (C == '\'') {
      size_t End = Command.find('\'', I + 1);
      if (End == llvm::StringRef::npos)
        End = Command.size();
      Word += Command.slice(I + 1, End).str();
      I = End;
    } else if (C == '"') {
      // As clang's JSON database reads "arguments": a backslash inside
      // double quotes escapes whatever follows.
      for (++I; I < Command.size() && Command[I] != '"'; ++I) {
        if (Command[I] == '\\' && I + 1 < Command.size())
          ++I;
        Word += Command[I];
      }
    } else {
      Word += C;
    }
  }
  if (InWord)
    Words.push_back(std::move(Word));
  return Words;
}

namespace {

/// "savedcmd_<target>.o := " or "cmd_<target>.o := ": the length of that
/// prefix of \p Line, or 0.
size_t commandStart(llvm::StringRef Line) {
  llvm::StringRef Rest = Line;
  if (!Rest.consume_front("savedcmd_") && !Rest.consume_front("cmd_"))
    return 0;
  size_t Space = Rest.find(' ');
  if (Space == llvm::StringRef::npos || !Rest.take_front(Space).ends_with(".o") ||
      !Rest.drop_front(Space).starts_with(" := "))
    return 0;
  return (Line.size() - Rest.size()) + Space + 4;
}

/// gen_compile_commands.py's reading of the command: the longest prefix
/// ending in a blank that is followed by one word ending in ".c" or ".S",
/// blanks, and ';' or the end of the line. Returns the split point and the
/// length of the file word, or npos.
std::pair<size_t, size_t> sourceWord(llvm::StringRef Cmd) {
  for (size_t S = Cmd.size(); S-- > 0;) {
    if (Cmd[S] != ' ')
      continue;
    size_t From = S + 1;
    size_t RunEnd = From;
    while (RunEnd < Cmd.size() && Cmd[RunEnd] != ' ')
      ++RunEnd;
    // The longest word in the run that ends in .c/.S and is followed by
    // blanks and then ';' or the end.
    for (size_t E = RunEnd; E >= From + 2; --E) {
      llvm::StringRef W = Cmd.slice(From, E);
      if (!W.ends_with(".c") && !W.ends_with(".S"))
        continue;
      size_t After = E;
      while (After < Cmd.size() && Cmd[After] == ' ')
        ++After;
      if (After == Cmd.size() || Cmd[After] == ';')
        return {From, E - From};
    }
  }
  return {llvm::StringRef::npos, 0};
}

/// An object kbuild makes for itself: <module>.mod.o, .module-common.o,
/// .vmlinux.export.o.
bool builtForKbuild(llvm::StringRef Object) {
  llvm::StringRef Name = path::filename(Object);
  return Name.starts_with(".") || Name.ends_with(".mod.o");
}

std::string realPath(llvm::StringRef P) {
  llvm::SmallString<256> Real;
  if (fs::real_path(P, Real))
    return P.str();
  return std::string(Real);
}

/// Do the relative include directories of \p C exist under its directory?
/// (A command without any proves nothing and passes.)
bool relativeIncludesExist(const CompileCommand &C) {
  const std::vector<std::string> &A = C.CommandLine;
  for (size_t I = 0; I < A.size(); ++I) {
    llvm::StringRef Arg(A[I]), Dir;
    if (Arg == "-I" || Arg == "-isystem" || Arg == "-iquote")
      Dir = I + 1 < A.size() ? llvm::StringRef(A[I + 1]) : llvm::StringRef();
    else if (Arg.starts_with("-I"))
      Dir = Arg.drop_front(2);
    if (Dir.empty() || path::is_absolute(Dir))
      continue;
    return fs::is_directory(absolutePath(Dir, C.Directory));
  }
  return true;
}

} // namespace

bool isKernelObjTree(llvm::StringRef Dir) {
  llvm::SmallString<256> P(Dir);
  path::append(P, "include", "generated", "autoconf.h");
  return fs::exists(P);
}

std::optional<CompileCommand> readKbuildCmdFile(llvm::StringRef CmdFile,
                                                llvm::StringRef Root) {
  // Only the first line matters; a large .cmd file is mapped, not read.
  auto Buf = llvm::MemoryBuffer::getFile(CmdFile, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!Buf)
    return std::nullopt;
  llvm::StringRef Line = (*Buf)->getBuffer();
  Line = Line.take_until([](char C) { return C == '\n'; });
  size_t Start = commandStart(Line);
  if (!Start)
    return std::nullopt;
  llvm::StringRef Target =
      Line.take_front(Start - 4).drop_front(Line.starts_with("saved") ? 9 : 4);
  llvm::StringRef Cmd = Line.drop_front(Start);
  auto [From, Len] = sourceWord(Cmd);
  if (From == llvm::StringRef::npos)
    return std::nullopt;
  std::string Prefix = Cmd.take_front(From).str();
  // .cmd files are make syntax: '#' is escaped as "\#" or "$(pound)".
  for (llvm::StringRef Esc : {"\\#", "$(pound)"})
    for (size_t At; (At = Prefix.find(Esc.str())) != std::string::npos;)
      Prefix.replace(At, Esc.size(), "#");
  llvm::StringRef File = Cmd.substr(From, Len);
  std::string Abs = absolutePath(File, Root);
  if (!fs::exists(Abs))
    return std::nullopt;
  CompileCommand C(Root, realPath(Abs), splitShellWords(Prefix + File.str()),
                   absolutePath(Target, Root));
  return C;
}

void KbuildDatabase::add(CompileCommand C) { Commands.push_back(std::move(C)); }

std::unique_ptr<KbuildDatabase>
KbuildDatabase::loadCmdFiles(llvm::StringRef Root,
                             const std::vector<std::string> &CmdFiles) {
  std::unique_ptr<KbuildDatabase> DB(new KbuildDatabase(Root.str()));
  for (const std::string &F : CmdFiles)
    if (std::optional<CompileCommand> C = readKbuildCmdFile(F, Root))
      if (!builtForKbuild(C->Output))
        DB->add(std::move(*C));
  std::stable_sort(DB->Commands.begin(), DB->Commands.end(),
                   [](const CompileCommand &A, const CompileCommand &B) {
                     return A.Filename < B.Filename;
                   });
  for (size_t I = 0; I < DB->Commands.size(); ++I)
    DB->ByFile[DB->Commands[I].Filename].push_back(I);
  return DB;
}

std::unique_ptr<KbuildDatabase>
KbuildDatabase::loadFromDirectory(llvm::StringRef SearchDir, std::string &Error,
                                  llvm::StringRef Root) {
  std::string Top = absolutePath(SearchDir);
  std::vector<std::string> CmdFiles;
  std::set<std::string> Skip;
  for (const char *D : {".git", "Documentation", "include", "tools"})
    Skip.insert(Top + "/" + D);
  std::error_code EC;
  for (fs::recursive_directory_iterator It(Top, EC, /*follow_symlinks=*/false),
       End;
       It != End && !EC; It.increment(EC)) {
    const std::string &P = It->path();
    if (It->type() == fs::file_type::directory_file) {
      if (Skip.count(P))
        It.no_push();
      continue;
    }
    llvm::StringRef Name = path::filename(P);
    if (It->type() == fs::file_type::regular_file && Name.starts_with(".") &&
        Name.ends_with(".o.cmd"))
      CmdFiles.push_back(P);
  }
  if (CmdFiles.empty()) {
    Error = "no kbuild .<object>.o.cmd files below '" + SearchDir.str() + "'";
    return nullptr;
  }
  std::sort(CmdFiles.begin(), CmdFiles.end());

  std::vector<std::string> Roots;
  if (!Root.empty()) {
    Roots.push_back(absolutePath(Root));
  } else {
    for (llvm::StringRef D = Top; !D.empty(); D = path::parent_path(D))
      if (isKernelObjTree(D)) {
        Roots.push_back(D.str());
        break;
      }
    if (Roots.empty())
      Roots.push_back(Top);
  }
  std::unique_ptr<KbuildDatabase> DB = loadCmdFiles(Roots.front(), CmdFiles);
  if (DB->Commands.empty()) {
    Error = "none of the " + std::to_string(CmdFiles.size()) +
            " .cmd files below '" + SearchDir.str() +
            "' records the compile of an existing source relative to '" +
            Roots.front() + "'";
    if (Root.empty())
      Error += " (give the directory make ran in with --kbuild-dir)";
    return nullptr;
  }
  if (Root.empty() && !relativeIncludesExist(DB->Commands.front())) {
    Error = "the .cmd files below '" + SearchDir.str() +
            "' use include paths relative to the directory make ran in, "
            "which is not '" + Roots.front() +
            "' (an external module built by Linux 6.12 or older records "
            "them relative to the kernel's build directory): give it with "
            "--kbuild-dir=<dir>";
    return nullptr;
  }
  return DB;
}

std::vector<CompileCommand>
KbuildDatabase::getCompileCommands(llvm::StringRef FilePath) const {
  std::vector<CompileCommand> Out;
  std::string Abs = absolutePath(FilePath, Root);
  auto It = ByFile.find(Abs);
  if (It == ByFile.end())
    It = ByFile.find(realPath(Abs));
  if (It != ByFile.end())
    for (size_t I : It->second)
      Out.push_back(Commands[I]);
  return Out;
}

std::vector<std::string> KbuildDatabase::getAllFiles() const {
  std::vector<std::string> Out;
  for (const CompileCommand &C : Commands)
    if (Out.empty() || Out.back() != C.Filename)
      Out.push_back(C.Filename);
  return Out;
}

std::vector<CompileCommand> KbuildDatabase::getAllCompileCommands() const {
  return Commands;
}

//===----------------------------------------------------------------------===//
// make -n
//===----------------------------------------------------------------------===//

namespace {

/// The simple commands of a shell line: split at ';', '&', '|' and newlines
/// outside quotes, each split into words.
std::vector<std::vector<std::string>> simpleCommands(llvm::StringRef Text) {
  std::vector<std::vector<std::string>> Out;
  size_t Start = 0;
  char Quote = 0;
  for (size_t I = 0; I <= Text.size(); ++I) {
    char C = I < Text.size() ? Text[I] : '\n';
    if (Quote) {
      if (C == '\\' && Quote == '"')
        ++I;
      else if (C == Quote)
        Quote = 0;
      continue;
    }
    if (C == '\\') {
      ++I;
    } else if (C == '\'' || C == '"') {
      Quote = C;
    } else if (C == ';' || C == '&' || C == '|' || C == '\n') {
      std::vector<std::string> Words =
          splitShellWords(Text.slice(Start, std::min(I, Text.size())));
      if (!Words.empty())
        Out.push_back(std::move(Words));
      Start = I + 1;
    }
  }
  return Out;
}

std::string readFile(llvm::StringRef P) {
  auto Buf = llvm::MemoryBuffer::getFile(P);
  return Buf ? (*Buf)->getBuffer().str() : std::string();
}

} // namespace

std::map<std::string, CompileCommand>
kbuildDryRun(llvm::StringRef SrcTree, llvm::StringRef ObjTree,
             const std::vector<std::string> &Objects, std::string &Error) {
  std::map<std::string, CompileCommand> Found;
  llvm::ErrorOr<std::string> Make = llvm::sys::findProgramByName("make");
  if (!Make) {
    Error = "make is not installed";
    return Found;
  }
  std::string Src = absolutePath(SrcTree);
  std::string Obj = ObjTree.empty() ? Src : absolutePath(ObjTree);
  std::vector<std::string> Words{*Make, "-C", Src};
  if (Obj != Src)
    Words.push_back("O=" + Obj);
  // -n prints the commands instead of running them; V=1 prints them whole.
  Words.insert(Words.end(), {"--no-print-directory", "-n", "V=1"});
  Words.insert(Words.end(), Objects.begin(), Objects.end());

  // A calling make's flags (-j with a jobserver, -k, -s, a stray -B) must
  // not reach this one; everything else of the environment (ARCH,
  // CROSS_COMPILE, LLVM=1) is kbuild's to read, as on the user's own make.
  std::vector<std::string> Env;
  for (char **E = environ; *E; ++E) {
    llvm::StringRef V(*E);
    if (V.starts_with("MAKEFLAGS=") || V.starts_with("MFLAGS=") ||
        V.starts_with("MAKELEVEL=") || V.starts_with("MAKEOVERRIDES=") ||
        V.starts_with("GNUMAKEFLAGS="))
      continue;
    Env.push_back(V.str());
  }
  llvm::SmallString<128> Out;
  if (fs::createTemporaryFile("klp-lint-make", "out", Out)) {
    Error = "cannot create a temporary file for make's output";
    return Found;
  }
  std::vector<llvm::StringRef> Argv(Words.begin(), Words.end());
  std::vector<llvm::StringRef> EnvRefs(Env.begin(), Env.end());
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""), Out.str(),
                                                Out.str()};
  std::string ExecError;
  int RC = llvm::sys::ExecuteAndWait(*Make, Argv, EnvRefs, Redirects,
                                     /*SecondsToWait=*/600, 0, &ExecError);
  std::string Text = readFile(Out);
  fs::remove(Out);
  if (RC != 0) {
    // The last lines of make's own messages say why (no .config, no rule
    // for the object, ...).
    llvm::SmallVector<llvm::StringRef, 0> Lines;
    llvm::StringRef(Text).split(Lines, '\n', -1, /*KeepEmpty=*/false);
    std::vector<std::string> Why;
    for (auto L = Lines.rbegin(); L != Lines.rend() && Why.size() < 2; ++L)
      if (!L->contains("Entering directory") && !L->contains("Leaving directory"))
        Why.insert(Why.begin(), L->trim().str());
    Error = "'" + llvm::join(Words.begin(), Words.end(), " ") + "' failed" +
            (Why.empty() ? (ExecError.empty() ? "" : ": " + ExecError)
                         : ": " + llvm::join(Why, "; "));
    return Found;
  }

  std::set<std::string> Wanted;
  for (const std::string &O : Objects)
    Wanted.insert(absolutePath(O, Obj));
  // Recipe lines continue with a backslash at the end of a line.
  std::string Joined;
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] == '\\' && I + 1 < Text.size() && Text[I + 1] == '\n') {
      ++I;
      continue;
    }
    Joined += Text[I];
  }
  for (const std::vector<std::string> &W : simpleCommands(Joined)) {
    // "<cc> ... -c -o <object> <source>": the compile itself, not its
    // echo, the genksyms preprocessing or fixdep.
    if (W.size() < 4 || !llvm::StringRef(W.back()).ends_with(".c") ||
        std::find(W.begin(), W.end(), "-c") == W.end())
      continue;
    auto O = std::find(W.begin(), W.end(), "-o");
    if (O == W.end() || O + 1 == W.end() ||
        !Wanted.count(absolutePath(*(O + 1), Obj)))
      continue;
    std::string Source = realPath(absolutePath(W.back(), Obj));
    Found.try_emplace(Source, CompileCommand(Obj, Source, W, ""));
  }
  return Found;
}

} // namespace klp
