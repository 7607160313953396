/* SPDX-License-Identifier: GPL-2.0-only */
//===- Settings.h - The settings that apply to a file ----------*- C++ -*-===//
//
// The one component that turns configuration into what a run uses: the
// default (every check), the .klp-lint.yaml files found upwards from a file
// (or --config-file), then the command line. Resolved once per directory and
// cached; the checks a configuration enables are instantiated once per
// distinct configuration and shared by every file that has it.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_CONFIG_SETTINGS_H
#define KLP_CONFIG_SETTINGS_H

#include "check/Registry.h"
#include "config/Config.h"
#include "kbuild/ArgumentAdjuster.h"
#include "support/Glob.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace klp {

struct Settings {
  Config Merged;
  GlobList Checks, WarningsAsErrors;
  CheckOptions Options;
  CheckContext Context;
  AdjustOptions Adjust;
  std::shared_ptr<const CheckSet> Enabled;
};

/// Where the settings come from besides the files.
struct SettingsSources {
  /// --checks, --warnings-as-errors, --check-option, --extra-arg,
  /// --removed-arg and --target-api: merged over the .klp-lint.yaml
  /// settings.
  Config CommandLine;
  std::string ConfigFile; ///< --config-file: instead of the lookup
  bool ReadConfigFiles = true;
  std::string ResourceDir; ///< clang's builtin headers
};

class SettingsResolver {
public:
  explicit SettingsResolver(SettingsSources Sources)
      : Sources(std::move(Sources)) {}

  /// The settings for \p File, or null when its configuration is invalid
  /// (the problems are printed once, where they were written). Thread-safe.
  const Settings *forFile(const std::string &File);
  /// The problems printed so far (each once), for the machine formats.
  std::vector<std::string> takeProblems();

private:
  std::unique_ptr<Settings> resolve(const std::string &File);

  SettingsSources Sources;
  std::mutex Lock;
  std::map<std::string, std::unique_ptr<Settings>> ByDirectory;
  std::map<std::string, std::shared_ptr<const CheckSet>> ByConfiguration;
  std::vector<std::string> Problems;
};

/// Parse "<check>.<Option>=<value>" (--check-option, KLP_LINT_FLAGS) into
/// \p Out; false for a malformed one.
bool parseCheckOption(llvm::StringRef KV, Config &Out);

} // namespace klp

#endif
