// SPDX-License-Identifier: GPL-2.0-only
//===- Check.cpp - Base class of klp-lint checks --------------------------===//

#include "check/Check.h"
#include "extract/Extractor.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace klp {

const char *severityName(Severity S) {
  switch (S) {
  case Severity::Note: return "note";
  case Severity::Warning: return "warning";
  case Severity::Error: return "error";
  }
  return "warning";
}

std::optional<Severity> parseSeverity(llvm::StringRef Name) {
  for (Severity S : {Severity::Note, Severity::Warning, Severity::Error})
    if (Name == severityName(S))
      return S;
  return std::nullopt;
}

void sortFindings(std::vector<Finding> &Findings) {
  std::stable_sort(Findings.begin(), Findings.end(),
                   [](const Finding &A, const Finding &B) {
                     return std::tie(A.Where.File, A.Where.Line, A.Where.Col) <
                            std::tie(B.Where.File, B.Where.Line, B.Where.Col);
                   });
}

const char *scopeName(Scope S) {
  switch (S) {
  case Scope::TU: return "TU";
  case Scope::Module: return "module";
  case Scope::Elf: return "ELF";
  case Scope::Product: return "product";
  }
  return "TU";
}

bool appliesTo(unsigned Mask, Generation G) {
  switch (G) {
  case Generation::A: return Mask & GenA;
  case Generation::B: return Mask & GenB;
  case Generation::C: return Mask & GenC;
  case Generation::Unknown: return true; // no declarations: nothing to judge
  case Generation::ReplaceSetRFC: return false;
  }
  return false;
}

const std::string *CheckOptions::find(const std::string &Key) const {
  auto It = Values.find(Key);
  return It == Values.end() ? nullptr : &It->second;
}

bool CheckOptions::getBool(const std::string &Check, const std::string &Option,
                           bool Default) const {
  std::string Key = Check + "." + Option;
  const std::string *V = find(Key);
  if (!V)
    return Default;
  if (*V == "true" || *V == "1" || *V == "yes")
    return true;
  if (*V == "false" || *V == "0" || *V == "no")
    return false;
  Problems.push_back({Key, fmt::format("invalid value '{}' for option '{}': "
                                       "expected true or false",
                                       *V, Key)});
  return Default;
}

unsigned CheckOptions::getUnsigned(const std::string &Check,
                                   const std::string &Option,
                                   unsigned Default) const {
  std::string Key = Check + "." + Option;
  const std::string *V = find(Key);
  if (!V)
    return Default;
  unsigned N = 0;
  if (llvm::StringRef(*V).getAsInteger(10, N)) {
    Problems.push_back({Key, fmt::format("invalid value '{}' for option '{}': "
                                         "expected a non-negative number",
                                         *V, Key)});
    return Default;
  }
  return N;
}

Severity CheckOptions::getSeverity(const std::string &Check,
                                   Severity Default) const {
  std::string Key = Check + ".Severity";
  const std::string *V = find(Key);
  if (!V)
    return Default;
  if (std::optional<Severity> S = parseSeverity(*V))
    return *S;
  Problems.push_back({Key, fmt::format("invalid value '{}' for option '{}': "
                                       "expected error, warning or note",
                                       *V, Key)});
  return Default;
}

std::vector<std::string>
CheckOptions::getList(const std::string &Check, const std::string &Option,
                      std::vector<std::string> Default) const {
  const std::string *V = find(Check + "." + Option);
  if (!V)
    return Default;
  std::vector<std::string> Out;
  llvm::SmallVector<llvm::StringRef, 16> Items;
  llvm::StringRef(*V).split(Items, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef I : Items)
    if (!I.trim().empty())
      Out.push_back(I.trim().str());
  return Out;
}

GlobList CheckOptions::getGlobs(const std::string &Check,
                               const std::string &Option,
                               llvm::StringRef Default) const {
  std::string Key = Check + "." + Option;
  const std::string *V = find(Key);
  if (V) {
    llvm::Expected<GlobList> G = GlobList::parse(*V);
    if (G)
      return std::move(*G);
    Problems.push_back({Key, fmt::format("invalid value '{}' for option '{}': "
                                         "{}",
                                         *V, Key, llvm::toString(G.takeError()))});
  }
  return llvm::cantFail(GlobList::parse(Default));
}

const char *targetApiName(TargetApi T) {
  return T == TargetApi::V1 ? "v1" : "native";
}

std::optional<TargetApi> parseTargetApi(llvm::StringRef Name) {
  for (TargetApi T : {TargetApi::Native, TargetApi::V1})
    if (Name == targetApiName(T))
      return T;
  return std::nullopt;
}

Check::Check(const CheckInfo &Info, const CheckOptions &Options,
             const CheckContext &Context)
    : Info(Info), Level(Options.getSeverity(Info.Name, Info.Level)),
      Context(Context) {}

Check::~Check() = default;

std::unique_ptr<FactExtractor> Check::extractor() const { return nullptr; }

Finding Check::finding(const Loc &Where, std::string Message) const {
  Finding F;
  F.Check = name();
  F.Level = Level;
  F.Where = Where;
  F.Message = std::move(Message);
  return F;
}

} // namespace klp
