//===- Registry.cpp - Every check, and the checks of a configuration ------===//
//
// Expands checks/CheckList.def; each check's .cpp defines its factory with
// KLP_REGISTER_CHECK, so adding a check needs no edit here.
//
//===----------------------------------------------------------------------===//

#include "check/Registry.h"

#include <llvm/ADT/StringRef.h>

namespace klp {

namespace checks {
#define KLP_CHECK(Group, Slug, Class, CheckScope, Level, Gens, Summary)        \
  std::unique_ptr<Check> make##Class(const CheckInfo &, const CheckOptions &);
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

std::string generationList(unsigned Mask) {
  std::string Out;
  for (auto [Bit, Name] : {std::pair{GenA, "A"}, {GenB, "B"}, {GenC, "C"}})
    if (Mask & Bit)
      Out += (Out.empty() ? "" : ", ") + std::string(Name);
  return Out;
}

CheckSet::CheckSet(const GlobList &Enabled, const CheckOptions &Options) {
  for (const Entry &E : entries())
    if (Enabled.matches(E.Info.Name))
      Checks.push_back(E.Make(E.Info, Options));
}

std::vector<const Check *> CheckSet::withScope(Scope S) const {
  std::vector<const Check *> Out;
  for (const auto &C : Checks)
    if (C->info().CheckScope == S)
      Out.push_back(C.get());
  return Out;
}

} // namespace klp
