/* SPDX-License-Identifier: GPL-2.0-only */
//===- Config.h - .klp-lint.yaml -------------------------------*- C++ -*-===//
//
// clang-tidy's configuration model with klp-lint's names: a .klp-lint.yaml is
// looked up from each module's first file upwards; the closest one wins, and
// InheritParentConfig: true merges it over the next one up. Keys: Checks,
// WarningsAsErrors, CheckOptions, ExtraArgs, RemovedArgs, TargetAPI,
// InheritParentConfig. Unknown keys and malformed values are errors.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_LINT_CONFIG_H
#define KLP_LINT_CONFIG_H

#include <map>
#include <string>
#include <vector>

namespace klp {

struct Config {
  /// Glob lists in order of precedence (parents first, then children, then
  /// the command line); joined with ',' they form one --checks value.
  std::vector<std::string> Checks;
  std::vector<std::string> WarningsAsErrors;
  std::map<std::string, std::string> CheckOptions;
  /// "file:line:col" of each CheckOptions key and value read from a file.
  std::map<std::string, std::string> OptionWhere, OptionValueWhere;
  std::vector<std::string> ExtraArgs;
  std::vector<std::string> RemovedArgs;
  /// TargetAPI: "native" or "v1" (check/Check.h, TargetApi); "" when no
  /// file and no option set it. The closest setting wins.
  std::string TargetAPI;
  std::vector<std::string> Files; ///< the files it was read from, outermost first

  std::string checks() const;
  std::string warningsAsErrors() const;
  /// The effective target: TargetAPI, or "native" when unset.
  std::string targetApi() const;
  /// Merge \p Child over this configuration.
  void merge(const Config &Child);
};

/// Parse one file. \p Inherit receives InheritParentConfig. Problems are
/// printed as "file:line:col: error: ..." and make it return false.
bool readConfigFile(const std::string &Path, Config &Out, bool &Inherit);

/// The configuration for \p File: \p Explicit if given (--config-file),
/// otherwise the .klp-lint.yaml files found upwards from its directory.
bool configFor(const std::string &File, const std::string &Explicit,
               Config &Out);

/// YAML for --dump-config.
std::string dumpConfig(const Config &C);

} // namespace klp

#endif
