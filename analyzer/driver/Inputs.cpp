// SPDX-License-Identifier: GPL-2.0-only
//===- Inputs.cpp - From files and databases to modules -------------------===//

#include "driver/Inputs.h"
#include "driver/KbuildDatabase.h"
#include "kbuild/ArgumentAdjuster.h"
#include "kbuild/Kbuild.h"
#include "support/Embedded.h"
#include "support/Paths.h"

#include <clang/Tooling/CompilationDatabase.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Process.h>
#include <llvm/Support/raw_ostream.h>

#include <map>
#include <set>

using namespace clang;

namespace klp {

namespace {

std::string stem(const std::string &File) {
  std::string S = llvm::sys::path::stem(File).str();
  for (char &C : S)
    if (C == '-')
      C = '_';
  return S;
}

/// The files of the modules the named files belong to.
std::vector<std::string> withTheirModules(const tooling::CompilationDatabase &DB,
                                          std::vector<std::string> Files) {
  std::set<std::string> Wanted;
  for (const std::string &F : Files)
    for (const tooling::CompileCommand &C : DB.getCompileCommands(F)) {
      // A command clang borrowed from another file says nothing of this
      // file's module; its directory's Kbuild does (inferCommand()).
      std::string N = C.Heuristic.empty()
                          ? kbuildModName(C.CommandLine)
                          : moduleOfObject(llvm::sys::path::parent_path(F).str(),
                                           llvm::sys::path::stem(F).str() + ".o");
      if (!N.empty())
        Wanted.insert(N);
    }
  std::set<std::string> Have(Files.begin(), Files.end());
  if (!Wanted.empty())
    for (const tooling::CompileCommand &C : DB.getAllCompileCommands()) {
      std::string Abs = absolutePath(C.Filename, C.Directory);
      if (Wanted.count(kbuildModName(C.CommandLine)) && Have.insert(Abs).second)
        Files.push_back(Abs);
    }
  return Files;
}

std::string commonPrefix(llvm::StringRef A, llvm::StringRef B) {
  size_t N = 0;
  while (N < A.size() && N < B.size() && A[N] == B[N])
    ++N;
  return A.take_front(N).str();
}

/// The command of a file the database does not list, inferred the way
/// clangd does: from the entry of the same directory whose file name shares
/// the longest prefix with it. The file, its object and its kbuild names
/// (KBUILD_MODNAME from the directory's Kbuild/Makefile, KBUILD_BASENAME)
/// are its own. Nothing if no entry of the directory fits.
std::optional<tooling::CompileCommand>
inferCommand(const tooling::CompilationDatabase &DB, const std::string &File) {
  llvm::StringRef Dir = llvm::sys::path::parent_path(File);
  std::optional<tooling::CompileCommand> Best;
  size_t BestLen = 0;
  std::string Name = llvm::sys::path::filename(File).str();
  for (tooling::CompileCommand &C : DB.getAllCompileCommands()) {
    std::string Abs = absolutePath(C.Filename, C.Directory);
    if (llvm::sys::path::parent_path(Abs) != Dir ||
        llvm::sys::path::extension(Abs) != llvm::sys::path::extension(File))
      continue;
    size_t Len = commonPrefix(llvm::sys::path::filename(Abs), Name).size();
    if (!Best || Len > BestLen ||
        (Len == BestLen && Abs < absolutePath(Best->Filename, Best->Directory))) {
      Best = std::move(C);
      BestLen = Len;
    }
  }
  if (!Best)
    return std::nullopt;
  std::string ProxyAbs = absolutePath(Best->Filename, Best->Directory);
  std::string Stem = llvm::sys::path::stem(File).str();
  std::string Mod = moduleOfObject(Dir.str(), Stem + ".o");
  std::vector<std::string> Args;
  for (size_t I = 0; I < Best->CommandLine.size(); ++I) {
    llvm::StringRef A(Best->CommandLine[I]);
    if (I > 0 && absolutePath(A, Best->Directory) == ProxyAbs) {
      Args.push_back(File);
    } else if (A.starts_with("-DKBUILD_MODNAME=")) {
      Args.push_back("-DKBUILD_MODNAME=\"" + Mod + "\"");
    } else if (A.starts_with("-D__KBUILD_MODNAME=")) {
      Args.push_back("-D__KBUILD_MODNAME=kmod_" + Mod);
    } else if (A.starts_with("-DKBUILD_BASENAME=")) {
      Args.push_back("-DKBUILD_BASENAME=\"" + Stem + "\"");
    } else if (A == "-o" && I + 1 < Best->CommandLine.size()) {
      // The object beside the proxy's, named after this file.
      llvm::SmallString<256> O(llvm::sys::path::parent_path(Best->CommandLine[I + 1]));
      llvm::sys::path::append(O, Stem + ".o");
      Args.push_back("-o");
      Args.push_back(std::string(O));
      ++I;
    } else {
      Args.push_back(A.str());
    }
  }
  tooling::CompileCommand Out(Best->Directory, File, std::move(Args), "");
  Out.Heuristic = ProxyAbs;
  return Out;
}

/// A database may list a file twice with the same command (two generators
/// merged): it is one translation unit.
void dropDuplicateCommands(std::vector<tooling::CompileCommand> &Cmds) {
  std::set<std::pair<std::string, std::vector<std::string>>> Seen;
  llvm::erase_if(Cmds, [&](const tooling::CompileCommand &C) {
    return !Seen.insert({C.Directory, C.CommandLine}).second;
  });
}

} // namespace

bool namesKernelBuild(const std::vector<std::string> &Args) {
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef A(Args[I]);
    if (A == "-nostdinc")
      return true;
    llvm::StringRef Dir;
    if (A.consume_front("-I") || A.consume_front("-isystem"))
      Dir = !A.empty() ? A
                       : (I + 1 < Args.size() ? llvm::StringRef(Args[I + 1])
                                              : llvm::StringRef());
    if (Dir.contains("include/generated"))
      return true;
  }
  return false;
}

std::unique_ptr<tooling::CompilationDatabase>
openCompileDatabase(const std::string &Dir, const std::string &KbuildDir,
                    std::string &Where, std::string &Error) {
  llvm::SmallString<256> Json(Dir);
  llvm::sys::path::append(Json, "compile_commands.json");
  Where = "'" + std::string(Json) + "'";
  std::string ClangError;
  std::unique_ptr<tooling::CompilationDatabase> DB =
      tooling::CompilationDatabase::loadFromDirectory(Dir, ClangError);
  if (DB || llvm::sys::fs::exists(Json)) {
    Error = ClangError;
    return DB;
  }
  // A kbuild tree without compile_commands.json: the .cmd files kbuild
  // wrote are the same commands (what gen_compile_commands.py reads).
  std::string KbuildError;
  std::unique_ptr<KbuildDatabase> K =
      KbuildDatabase::loadFromDirectory(Dir, KbuildError, KbuildDir);
  if (!K) {
    Error = "no compile_commands.json, and " + KbuildError;
    return nullptr;
  }
  Where = "the kbuild .cmd files below '" + Dir + "'";
  return K;
}

namespace {

/// Builds the module list file by file.
class Collector {
public:
  Collector(const InputOptions &Opts, SettingsResolver &Resolver, Report &R)
      : Opts(Opts), Resolver(Resolver), R(R),
        CommandLineModule(Opts.BuildDir.empty()) {}

  /// The compile database, and the files to analyze; false if none.
  bool open(std::vector<std::string> &Files) {
    for (const std::string &F : Opts.Files)
      Files.push_back(absolutePath(F));
    if (!CommandLineModule) {
      std::string Error;
      DB = openCompileDatabase(Opts.BuildDir, Opts.KbuildDir, DBWhere, Error);
      if (!DB) {
        R.fail({Opts.BuildDir, "cannot read compile database in '" +
                                   Opts.BuildDir + "': " + Error},
               llvm::errs());
        return false;
      }
      Files = Files.empty() ? DB->getAllFiles() : withTheirModules(*DB, Files);
    } else {
      DB = std::make_unique<tooling::FixedCompilationDatabase>(".", fixedArgs());
      if (Opts.GroupByKbuild)
        Files = withTheirKbuildModules(std::move(Files));
    }
    if (Files.empty()) {
      R.fail({"", "no input files"}, llvm::errs());
      return false;
    }
    return true;
  }

  void add(const std::string &File) {
    // A file that cannot be read still belongs to its module: the module
    // is then incomplete and gets no module-scope findings.
    std::string OwnKey = CommandLineModule ? "" : File;
    if (std::string Why = unreadable(File); !Why.empty()) {
      put(OwnKey, "", File, TUInput{File, "", {}, Why});
      return;
    }
    std::vector<tooling::CompileCommand> Cmds =
        Opts.FullCommand
            ? std::vector<tooling::CompileCommand>{tooling::CompileCommand(
                  ".", File, *Opts.FullCommand, "")}
            : DB->getCompileCommands(File);
    dropDuplicateCommands(Cmds);
    // clang's JSON database answers for any file with a command borrowed
    // from anywhere in the database ("inferred from"): klp-lint infers its
    // own, from the same directory only, with the file's own kbuild names.
    if (!CommandLineModule && !Opts.FullCommand &&
        llvm::all_of(Cmds, [](const tooling::CompileCommand &C) {
          return !C.Heuristic.empty();
        }))
      Cmds.clear();
    if (Cmds.empty() && !CommandLineModule) {
      if (std::optional<tooling::CompileCommand> C = inferCommand(*DB, File)) {
        llvm::errs() << "klp-lint: note: '" << File << "' is not in "
                     << DBWhere << "; using the command of '" << C->Heuristic
                     << "' in the same directory\n";
        Cmds.push_back(std::move(*C));
      }
    }
    if (Cmds.empty()) {
      R.fail({File, "cannot analyze '" + File + "': no compile command for "
                        "it in " + DBWhere + ", and no entry of its "
                        "directory to infer one from"},
             llvm::errs());
      return;
    }
    const Settings *S = Resolver.forFile(File);
    if (!S) {
      put(OwnKey, "", File, TUInput{File, "", {}, "invalid configuration"});
      return;
    }
    if (Opts.GroupByKbuild && CommandLineModule) {
      std::string Dir = llvm::sys::path::parent_path(File).str();
      OwnKey = Dir + "\n" + kbuildModule(File);
    }
    for (const tooling::CompileCommand &C : Cmds) {
      if (!llvm::sys::fs::is_directory(C.Directory)) {
        // clang's tool would abort the whole run ("Cannot chdir").
        put(OwnKey, "", File,
            TUInput{File, "", {},
                    "the directory of its compile command, '" + C.Directory +
                        "', does not exist"});
        continue;
      }
      std::string Name = kbuildModName(C.CommandLine);
      // Files named on one command line form one module; a database groups
      // its entries by KBUILD_MODNAME.
      if (Opts.GroupByKbuild && CommandLineModule)
        Name = kbuildModule(File);
      put(CommandLineModule ? OwnKey : (Name.empty() ? File : Name), Name, File,
          TUInput{File, C.Directory, adjustArguments(C.CommandLine, S->Adjust),
                  ""});
    }
  }

  std::vector<ModuleInput> take() {
    // A database's order is its generator's; sort so that output and shards
    // are the same on every run.
    if (!CommandLineModule)
      std::stable_sort(Modules.begin(), Modules.end(),
                       [](const ModuleInput &A, const ModuleInput &B) {
                         return A.Name < B.Name;
                       });
    return std::move(Modules);
  }

private:
  /// "file.c -- <args>": the embedded default (kernel-support's generation
  /// C headers) after the given include paths, so that a livepatch's own
  /// headers and -I directories come first; -std=gnu11 before them, so a
  /// given -std wins. A kernel build's flags replace the default.
  std::vector<std::string> fixedArgs() const {
    std::vector<std::string> Given =
        Opts.CompilerArgs ? *Opts.CompilerArgs : std::vector<std::string>();
    if (!Opts.EmbeddedHeaders || namesKernelBuild(Given))
      return Given;
    std::vector<std::string> Args{"-std=gnu11"};
    Args.insert(Args.end(), Given.begin(), Given.end());
    Args.push_back(std::string("-I") + EmbeddedIncludeDir);
    return Args;
  }

  /// Why \p File cannot be a translation unit, or "". A FIFO or device is
  /// refused before anything opens it (a read could block forever).
  static std::string unreadable(const std::string &File) {
    llvm::sys::fs::file_status St;
    if (std::error_code EC = llvm::sys::fs::status(File, St))
      return EC == std::errc::no_such_file_or_directory ? "no such file"
                                                        : EC.message();
    if (St.type() == llvm::sys::fs::file_type::directory_file)
      return "is a directory, not a source file";
    if (St.type() != llvm::sys::fs::file_type::regular_file)
      return "not a regular file";
    int FD;
    if (std::error_code EC = llvm::sys::fs::openFileForRead(File, FD))
      return "cannot read it: " + EC.message();
    llvm::sys::Process::SafelyCloseFileDescriptor(FD);
    return "";
  }

  static std::string kbuildModule(const std::string &File) {
    return moduleOfObject(llvm::sys::path::parent_path(File).str(),
                          llvm::sys::path::stem(File).str() + ".o");
  }

  /// \p Files with the other C members of their kbuild modules.
  static std::vector<std::string>
  withTheirKbuildModules(std::vector<std::string> Files) {
    std::set<std::string> Have(Files.begin(), Files.end());
    for (size_t I = 0, N = Files.size(); I < N; ++I) {
      std::string Dir = llvm::sys::path::parent_path(Files[I]).str();
      auto Objs = moduleObjects(Dir, kbuildModule(Files[I]), false);
      for (const std::string &O : Objs.value_or(std::vector<std::string>())) {
        llvm::SmallString<256> C(O);
        llvm::sys::path::replace_extension(C, ".c");
        std::string Abs = absolutePath(C);
        if (llvm::sys::fs::exists(Abs) && Have.insert(Abs).second)
          Files.push_back(Abs);
      }
    }
    return Files;
  }

  void put(const std::string &Key, const std::string &Name,
           const std::string &File, TUInput TU) {
    auto [It, New] = ByName.try_emplace(Key, Modules.size());
    if (New)
      Modules.push_back({Name.empty() ? stem(File) : Name, {}, {}});
    Modules[It->second].TUs.push_back(std::move(TU));
  }

  const InputOptions &Opts;
  SettingsResolver &Resolver;
  Report &R;
  bool CommandLineModule;
  std::unique_ptr<tooling::CompilationDatabase> DB;
  std::string DBWhere; ///< the database, as messages name it
  std::vector<ModuleInput> Modules;
  std::map<std::string, size_t> ByName;
};

} // namespace

std::vector<ModuleInput> collectModules(const InputOptions &Opts,
                                        SettingsResolver &Resolver, Report &R) {
  Collector C(Opts, Resolver, R);
  std::vector<std::string> Files;
  if (!C.open(Files))
    return {};
  for (const std::string &File : Files)
    C.add(File);
  return C.take();
}

} // namespace klp
