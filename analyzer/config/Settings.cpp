// SPDX-License-Identifier: GPL-2.0-only
//===- Settings.cpp - The settings that apply to a file -------------------===//

#include "config/Settings.h"

#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>

namespace klp {

bool parseCheckOption(llvm::StringRef KV, Config &Out) {
  size_t Eq = KV.find('=');
  if (Eq == llvm::StringRef::npos || KV.find('.') > Eq)
    return false;
  Out.CheckOptions[KV.take_front(Eq).str()] = KV.drop_front(Eq + 1).str();
  return true;
}

const Settings *SettingsResolver::forFile(const std::string &File) {
  std::lock_guard<std::mutex> Guard(Lock);
  // Files of one directory share their .klp-lint.yaml chain.
  std::string Key = Sources.ConfigFile.empty()
                        ? llvm::sys::path::parent_path(File).str()
                        : std::string("\x01") + Sources.ConfigFile;
  auto It = ByDirectory.find(Key);
  if (It == ByDirectory.end())
    It = ByDirectory.emplace(Key, resolve(File)).first;
  return It->second.get();
}

std::vector<std::string> SettingsResolver::takeProblems() {
  std::lock_guard<std::mutex> Guard(Lock);
  std::vector<std::string> Out;
  Out.swap(Problems);
  return Out;
}

std::unique_ptr<Settings> SettingsResolver::resolve(const std::string &File) {
  auto S = std::make_unique<Settings>();
  bool Ok = true;
  S->Merged.Checks = defaultChecks();
  if (Sources.ReadConfigFiles) {
    Config FromFiles;
    Ok = configFor(File, Sources.ConfigFile, FromFiles);
    if (!Ok)
      Problems.push_back("invalid configuration file for " + File);
    S->Merged.merge(FromFiles);
  }
  S->Merged.merge(Sources.CommandLine);
  auto Problem = [&](const std::string &Where, const std::string &Why) {
    llvm::errs() << (Where.empty() ? std::string("klp-lint") : Where)
                 << ": error: " << Why << "\n";
    Problems.push_back(Where.empty() ? Why : Where + ": " + Why);
    Ok = false;
  };
  for (auto [Spec, Out] : {std::pair{S->Merged.checks(), &S->Checks},
                           {S->Merged.warningsAsErrors(), &S->WarningsAsErrors}}) {
    llvm::Expected<GlobList> G = GlobList::parse(Spec);
    if (G)
      *Out = std::move(*G);
    else
      Problem("", llvm::toString(G.takeError()));
  }
  // Every option must name a check and one of its options.
  static const CheckSet Every(llvm::cantFail(GlobList::parse("*")),
                              CheckOptions());
  for (const auto &[K, V] : S->Merged.CheckOptions) {
    size_t Dot = K.rfind('.');
    const Check *C = nullptr;
    for (const auto &Candidate : Every.all())
      if (Dot != std::string::npos && Candidate->name() == K.substr(0, Dot))
        C = Candidate.get();
    std::vector<std::string> Names =
        C ? C->optionNames() : std::vector<std::string>();
    Names.push_back("Severity");
    if (!C || std::find(Names.begin(), Names.end(), K.substr(Dot + 1)) ==
                  Names.end()) {
      auto W = S->Merged.OptionWhere.find(K);
      Problem(W == S->Merged.OptionWhere.end() ? "" : W->second,
              "unknown check option '" + K + "'");
    }
    S->Options.set(K, V);
  }
  // Validated where it was written (file or option); re-checked here for
  // settings that reach the merge another way.
  if (std::optional<TargetApi> T = parseTargetApi(S->Merged.targetApi()))
    S->Context.Target = *T;
  else
    Problem("", "invalid target API '" + S->Merged.targetApi() +
                    "': expected native or v1");
  if (!Ok)
    return nullptr;

  // The checks of this configuration, once: they read and validate their
  // options now, before any parse; a bad value read from a file is reported
  // at its position there.
  std::string ConfigKey = dumpConfig(S->Merged);
  auto Shared = ByConfiguration.find(ConfigKey);
  if (Shared != ByConfiguration.end()) {
    S->Enabled = Shared->second;
  } else {
    auto Set =
        std::make_shared<const CheckSet>(S->Checks, S->Options, S->Context);
    if (Set->empty())
      Problem("", "no check is enabled: the checks selected (" +
                      S->Merged.checks() + ") match none of the " +
                      std::to_string(allChecks().size()) + " checks");
    for (const CheckOptions::Problem &P : S->Options.problems()) {
      auto W = S->Merged.OptionValueWhere.find(P.Key);
      Problem(W == S->Merged.OptionValueWhere.end() ? "" : W->second, P.Message);
    }
    if (!Ok)
      return nullptr;
    ByConfiguration[ConfigKey] = Set;
    S->Enabled = Set;
  }
  S->Adjust.Extra = S->Merged.ExtraArgs;
  S->Adjust.Removed = S->Merged.RemovedArgs;
  S->Adjust.ResourceDir = Sources.ResourceDir;
  return S;
}

} // namespace klp
