//===- Inputs.cpp - From files and databases to modules -------------------===//

#include "driver/Inputs.h"
#include "driver/KbuildDatabase.h"
#include "support/Embedded.h"
#include "support/Paths.h"

#include <clang/Tooling/CompilationDatabase.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
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
    for (const tooling::CompileCommand &C : DB.getCompileCommands(F))
      if (std::string N = kbuildModName(C.CommandLine); !N.empty())
        Wanted.insert(N);
  std::set<std::string> Have(Files.begin(), Files.end());
  if (!Wanted.empty())
    for (const tooling::CompileCommand &C : DB.getAllCompileCommands()) {
      std::string Abs = absolutePath(C.Filename, C.Directory);
      if (Wanted.count(kbuildModName(C.CommandLine)) && Have.insert(Abs).second)
        Files.push_back(Abs);
    }
  return Files;
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
    if (!llvm::sys::fs::exists(File) || llvm::sys::fs::is_directory(File)) {
      put(OwnKey, "", File,
          TUInput{File, "", {},
                  llvm::sys::fs::exists(File) ? "is a directory, not a source file"
                                              : "no such file"});
      return;
    }
    std::vector<tooling::CompileCommand> Cmds =
        Opts.FullCommand
            ? std::vector<tooling::CompileCommand>{tooling::CompileCommand(
                  ".", File, *Opts.FullCommand, "")}
            : DB->getCompileCommands(File);
    if (Cmds.empty()) {
      R.fail({File, "cannot analyze '" + File +
                        "': no compile command for it in " + DBWhere},
             llvm::errs());
      return;
    }
    const Settings *S = Resolver.forFile(File);
    if (!S) {
      put(OwnKey, "", File, TUInput{File, "", {}, "invalid configuration"});
      return;
    }
    for (const tooling::CompileCommand &C : Cmds) {
      std::string Name = kbuildModName(C.CommandLine);
      // Files named on one command line form one module; a database groups
      // its entries by KBUILD_MODNAME.
      put(CommandLineModule ? "" : (Name.empty() ? File : Name), Name, File,
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

  void put(const std::string &Key, const std::string &Name,
           const std::string &File, TUInput TU) {
    auto [It, New] = ByName.try_emplace(Key, Modules.size());
    if (New)
      Modules.push_back({Name.empty() ? stem(File) : Name, {}});
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
