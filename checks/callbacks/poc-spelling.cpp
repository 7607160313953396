//===- poc-spelling.cpp - callbacks-poc-spelling --------------------------===//
//
// The roles are the same (livepatch-semantics §0); only the names differ, so
// the fix is a rename of each designator or member access. It has no effect
// at run time: the point is that C headers do not have these members.
//
//===----------------------------------------------------------------------===//

#include "poc-spelling.h"

#include <fmt/format.h>

namespace klp::checks {

void CallbacksPocSpellingCheck::check(const ModuleModel &M,
                                      std::vector<Finding> &Out) const {
  for (const TUFacts &TU : M.TUs)
    for (const PocSpelling &P : TU.PocSpellings) {
      Finding F = finding(
          P.Where,
          fmt::format("'{}' is the POC (generation B) name of this struct "
                      "klp_state_callbacks member; generation C calls it '{}'",
                      P.Name, P.CName));
      F.Fixes.push_back({P.Where, static_cast<unsigned>(P.Name.size()), P.CName});
      Out.push_back(std::move(F));
    }
}

} // namespace klp::checks
