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

#include <optional>
#include <string>
#include <vector>

namespace klp {

struct TUInput {
  std::string File;
  std::string Directory;
  std::vector<std::string> Args; ///< adjusted, argv[0] first, file included
  std::string Problem;           ///< why it cannot even be parsed, if so
};

struct ModuleInput {
  std::string Name;
  std::vector<TUInput> TUs;
};

struct InputOptions {
  std::vector<std::string> Files;
  std::string BuildDir;                                 ///< -p
  std::optional<std::vector<std::string>> CompilerArgs; ///< after "--"
  /// Arguments after "--" add to the embedded default headers, unless they
  /// name a kernel build or this is off (--no-embedded-headers).
  bool EmbeddedHeaders = true;
  /// The complete compile command (argv[0] = the compiler, the file
  /// included), as a compiler wrapper or checker receives it.
  std::optional<std::vector<std::string>> FullCommand;
};

/// Do compile arguments name a kernel build of their own (-nostdinc, or an
/// include path with include/generated)? Then the embedded headers stay out.
bool namesKernelBuild(const std::vector<std::string> &Args);

/// The modules to analyze, sorted by name for a database (its order is its
/// generator's). Problems that stop everything are reported to \p R.
std::vector<ModuleInput> collectModules(const InputOptions &Opts,
                                        SettingsResolver &Resolver, Report &R);

} // namespace klp

#endif
