// SPDX-License-Identifier: GPL-2.0-only
//===- Registry.cpp - Every check, and the checks of a configuration ------===//
//
// Expands checks/CheckList.def; each check's .cpp defines its factory with
// KLP_REGISTER_CHECK, so adding a check needs no edit here.
//
//===----------------------------------------------------------------------===//

#include "check/Registry.h"

#include <llvm/ADT/StringRef.h>

#include <algorithm>

namespace klp {

namespace checks {
#define KLP_CHECK(Group, Slug, Class, CheckScope, Level, Gens, Summary)        \
  std::unique_ptr<Check> make##Class(const CheckInfo &, const CheckOptions &,  \
                                     const CheckContext &);
#include "CheckList.def"
} // namespace checks

namespace {

unsigned mask(llvm::StringRef Gens) {
  return (Gens.contains('A') ? unsigned(GenA) : 0u) |
         (Gens.contains('B') ? unsigned(GenB) : 0u) |
         (Gens.contains('C') ? unsigned(GenC) : 0u);
}

struct Entry {
  CheckInfo Info;
  CheckFactory Make;
};

const std::vector<Entry> &entries() {
  static const std::vector<Entry> All = {
#define KLP_CHECK(Group, Slug, Class, CheckScope, Level, Gens, Summary)        \
  {{#Group "-" #Slug, Scope::CheckScope, Severity::Level, mask(#Gens),         \
    Summary},                                                                  \
   &checks::make##Class},
#include "CheckList.def"
  };
  return All;
}

} // namespace

const std::vector<CheckInfo> &allChecks() {
  static const std::vector<CheckInfo> Infos = [] {
    std::vector<CheckInfo> Out;
    for (const Entry &E : entries())
      Out.push_back(E.Info);
    return Out;
  }();
  return Infos;
}

std::vector<std::string> allCheckNames() {
  std::vector<std::string> Out;
  for (const CheckInfo &I : allChecks())
    Out.push_back(I.Name);
  return Out;
}

const CheckInfo *findCheck(llvm::StringRef Name) {
  for (const CheckInfo &I : allChecks())
    if (I.Name == Name)
      return &I;
  return nullptr;
}

std::string suggestCheck(llvm::StringRef Name) {
  // A name cut short ("shadow-id") means the checks it begins.
  std::vector<std::string> Starting;
  for (const std::string &C : allCheckNames())
    if (!Name.empty() && llvm::StringRef(C).starts_with(Name.rtrim('*')))
      Starting.push_back(C);
  if (Starting.size() == 1)
    return Starting.front();
  if (Starting.size() > 1)
    return Name.rtrim('*').str() + "*";
  std::vector<std::string> Candidates = allCheckNames();
  for (const CheckInfo &I : allChecks())
    Candidates.push_back(I.Name.substr(0, I.Name.find('-')) + "-*");
  // Compare without the glob characters a typo keeps ("shadw-*").
  std::string Bare = Name.str();
  Bare.erase(std::remove(Bare.begin(), Bare.end(), '*'), Bare.end());
  std::string Best;
  unsigned BestDistance = std::max<unsigned>(3, Bare.size() / 3) + 1;
  for (const std::string &C : Candidates) {
    std::string CBare = C;
    CBare.erase(std::remove(CBare.begin(), CBare.end(), '*'), CBare.end());
    unsigned D = llvm::StringRef(Bare).edit_distance(CBare);
    if (D < BestDistance) {
      BestDistance = D;
      Best = C;
    }
  }
  return Best;
}

std::vector<std::string> defaultChecks() {
  std::vector<std::string> Out = {"*"};
#define KLP_CHECK(Group, Slug, Class, CheckScope, Level, Gens, Summary)
#define KLP_CHECK_OPT_IN(Group, Slug) Out.push_back("-" #Group "-" #Slug);
#include "CheckList.def"
  return Out;
}

std::vector<std::string> unknownChecks(const GlobList &Globs) {
  std::vector<std::string> Out;
  for (const std::string &P : Globs.unknown(allCheckNames())) {
    std::string Hint = suggestCheck(P);
    Out.push_back("'" + P + "' matches no check" +
                  (Hint.empty() ? std::string(" (see --list-checks --checks=*)")
                                : "; did you mean '" + Hint + "'?"));
  }
  return Out;
}

std::string generationList(unsigned Mask) {
  std::string Out;
  for (auto [Bit, Name] : {std::pair{GenA, "A"}, {GenB, "B"}, {GenC, "C"}})
    if (Mask & Bit)
      Out += (Out.empty() ? "" : ", ") + std::string(Name);
  return Out;
}

CheckSet::CheckSet(const GlobList &Enabled, const CheckOptions &Options,
                   const CheckContext &Context) {
  for (const Entry &E : entries())
    if (Enabled.matches(E.Info.Name))
      Checks.push_back(E.Make(E.Info, Options, Context));
}

std::vector<const Check *> CheckSet::withScope(Scope S) const {
  std::vector<const Check *> Out;
  for (const auto &C : Checks)
    if (C->info().CheckScope == S)
      Out.push_back(C.get());
  return Out;
}

} // namespace klp
