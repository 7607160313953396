/* SPDX-License-Identifier: GPL-2.0-only */
//===- Inputs.h - From files and databases to modules ----------*- C++ -*-===//
//
// Files named on one command line form one module; a compile database's
// entries are grouped by KBUILD_MODNAME, and a file named with -p brings in
// the other files of its module (module-scope checks need them all: a
// partial module gives false findings).
//
//===----------------------------------------------------------------------===//

#ifndef KLP_DRIVER_INPUTS_H
#define KLP_DRIVER_INPUTS_H

#include "config/Settings.h"
#include "report/Report.h"

#include <clang/Tooling/CompilationDatabase.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace klp {

struct TUInput {
  std::string File;
  std::string Directory;
  std::vector<std::string> Args; ///< adjusted, argv[0] first, file included
  std::string Problem;           ///< why it cannot even be parsed, if so
  /// A kernel-tree file named in a source patch (--patch): its facts count
  /// as those of a module kpatch-build or klp-build generates
  /// (TUFacts::GeneratedPatch).
  bool GeneratedPatch = false;
};

struct ModuleInput {
  std::string Name;
  std::vector<TUInput> TUs;
  /// File contents that replace the files on disk at these absolute paths
  /// for this module's parses (a source patch applied in memory).
  std::map<std::string, std::string> Overlay;
};

struct InputOptions {
  std::vector<std::string> Files;
  std::string BuildDir;                                 ///< -p
  /// --kbuild-dir: where make ran, for a -p directory read through its
  /// kbuild .cmd files ("" = find it).
  std::string KbuildDir;
  std::optional<std::vector<std::string>> CompilerArgs; ///< after "--"
  /// Arguments after "--" add to the embedded default headers, unless they
  /// name a kernel build or this is off (--no-embedded-headers).
  bool EmbeddedHeaders = true;
  /// The complete compile command (argv[0] = the compiler, the file
  /// included), as a compiler wrapper or checker receives it.
  std::optional<std::vector<std::string>> FullCommand;
  /// --patch: source patches (kpatch-build / klp-build style) against
  /// KernelTree (--kernel-tree), analyzed as one generated module
  /// (driver/SourcePatch.h); BuildDir is then the tree's build directory.
  std::vector<std::string> Patches;
  std::string KernelTree;
  /// Without a database, files form the modules their directory's
  /// Kbuild/Makefile makes of them (each brings in the other members),
  /// instead of one module of everything named (--staged).
  bool GroupByKbuild = false;
};

/// Do compile arguments name a kernel build of their own (-nostdinc, or an
/// include path with include/generated)? Then the embedded headers stay out.
bool namesKernelBuild(const std::vector<std::string> &Args);

/// The compile database of -p \p Dir: compile_commands.json (or whatever
/// else clang reads there, e.g. compile_flags.txt), else kbuild's .cmd files
/// below it (KbuildDatabase, with \p KbuildDir as the directory make ran
/// in). \p Where names it in messages (quoted where it is a path). Null
/// with \p Error set if neither.
std::unique_ptr<clang::tooling::CompilationDatabase>
openCompileDatabase(const std::string &Dir, const std::string &KbuildDir,
                    std::string &Where, std::string &Error);

/// The modules to analyze, sorted by name for a database (its order is its
/// generator's). Problems that stop everything are reported to \p R.
std::vector<ModuleInput> collectModules(const InputOptions &Opts,
                                        SettingsResolver &Resolver, Report &R);

} // namespace klp

#endif
