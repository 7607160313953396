//===- CheckRegistry.cpp - All checks and their selection -----------------===//

#include "CheckRegistry.h"

#include "callbacks/per-object.h"
#include "callbacks/poc-spelling.h"
#include "shadow/id-without-state.h"
#include "state/missing-disable-callbacks.h"

#include <llvm/Support/GlobPattern.h>

namespace klp {

const std::vector<CheckInfo> &allChecks() {
  static const std::vector<CheckInfo> Infos = {
#define KLP_CHECK(Group, Slug, Class, CheckScope, Level, Summary)              \
  {#Group "-" #Slug, Scope::CheckScope, Severity::Level, Summary},
#include "CheckList.def"
  };
  return Infos;
}

bool CheckFilter::parse(const std::string &Spec, CheckFilter &Out,
                        std::string &Error) {
  llvm::StringRef Rest(Spec);
  while (!Rest.empty()) {
    auto [Item, Tail] = Rest.split(',');
    Rest = Tail;
    Item = Item.trim();
    if (Item.empty())
      continue;
    bool Negative = Item.consume_front("-");
    if (auto G = llvm::GlobPattern::create(Item); !G) {
      Error = "invalid check glob '" + Item.str() +
              "': " + llvm::toString(G.takeError());
      return false;
    }
    Out.Globs.push_back({Negative, Item.str()});
  }
  return true;
}

bool CheckFilter::matches(const std::string &Name) const {
  bool On = false;
  for (const Glob &G : Globs) {
    // Patterns were validated by parse().
    auto P = llvm::cantFail(llvm::GlobPattern::create(G.Pattern));
    if (P.match(Name))
      On = !G.Negative;
  }
  return On;
}

std::vector<std::unique_ptr<Check>> createChecks(const CheckFilter &Enabled,
                                                 const CheckOptions &Options) {
  std::vector<std::unique_ptr<Check>> Checks;
#define KLP_CHECK(Group, Slug, Class, CheckScope, Level, Summary)              \
  if (Enabled.matches(#Group "-" #Slug))                                       \
    Checks.push_back(std::make_unique<checks::Class>(                          \
        #Group "-" #Slug, Severity::Level, Options));
#include "CheckList.def"
  for (auto &C : Checks) {
    auto It = Options.all().find(C->name() + ".Severity");
    if (It == Options.all().end())
      continue;
    if (It->second == "error")
      C->setLevel(Severity::Error);
    else if (It->second == "warning")
      C->setLevel(Severity::Warning);
    else if (It->second == "note")
      C->setLevel(Severity::Note);
    else
      Options.problems().push_back("invalid value '" + It->second +
                                   "' for option '" + It->first +
                                   "': expected error, warning or note");
  }
  return Checks;
}

} // namespace klp
