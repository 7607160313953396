/* SPDX-License-Identifier: GPL-2.0-only */
//===- ModuleRun.h - One module while its TUs are parsed -------*- C++ -*-===//
//
// After each TU its facts join the module model and the TU-scope checks run;
// after the module's last TU the module-scope checks run while that TU's
// diagnostics engine is still alive. A TU that fails to parse contributes
// nothing, and its module gets no module-scope findings (a partial model
// would produce false ones).
//
//===----------------------------------------------------------------------===//

#ifndef KLP_DRIVER_MODULERUN_H
#define KLP_DRIVER_MODULERUN_H

#include "driver/Run.h"

#include <set>

namespace klp {

class ModuleRun {
public:
  ModuleRun(const ModuleInput &In, const RunOptions &Opts,
            SettingsResolver &Resolver, Report &R, llvm::raw_ostream &OS);

  /// Parse every TU and run the checks.
  void run();
  /// Every TU was parsed; model() is the whole module.
  bool complete() const { return Failed.empty(); }
  const ModuleModel &model() const { return Model; }

private:
  void parseOne(unsigned Index,
                llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                llvm::IntrusiveRefCntPtr<clang::FileManager> Files);
  void parsed(unsigned Index, clang::CompilerInstance &CI,
              clang::ASTContext &Ctx, TUExtraction &X, size_t Tolerated,
              llvm::raw_ostream &Out);
  void fail(unsigned Index, const std::string &Why);
  void fail(unsigned Index, const std::string &Why, llvm::raw_ostream &Out);
  std::vector<Finding> tuFindings(unsigned Index);
  std::vector<const Check *> extractorsFor(const Settings *Own) const;

  const ModuleInput &In;
  const RunOptions &Opts;
  SettingsResolver &Resolver;
  Report &R;
  llvm::raw_ostream &OS;
  /// The module's settings: its first file's.
  const Settings *Module = nullptr;
  ModuleModel Model;
  std::set<unsigned> Parsed, Failed;
  /// Compiler errors of the TU being parsed (decided after the attempt:
  /// with a PCH they first mean "try again without").
  unsigned CompilerErrors = 0;
  /// This module's check times (profiling only): added to the run's
  /// profile and stored per module at the end of run().
  CheckProfile Profile;
  CheckProfile *profile() { return Opts.Profile ? &Profile : nullptr; }
  /// Judge \p M with \p C, timed when profiling.
  void judge(const Check &C, const ModuleModel &M, std::vector<Finding> &Out);
};

} // namespace klp

#endif
