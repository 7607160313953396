//===- CheckRegistry.h - All checks and their selection --------*- C++ -*-===//

#ifndef KLP_LINT_CHECKREGISTRY_H
#define KLP_LINT_CHECKREGISTRY_H

#include "Check.h"

#include <memory>
#include <string>
#include <vector>

namespace klp {

struct CheckInfo {
  std::string Name;
  Scope CheckScope;
  Severity Level;
  std::string Summary;
};

/// Every check in checks/CheckList.def, in name order.
const std::vector<CheckInfo> &allChecks();

/// clang-tidy style selection: comma-separated globs applied left to right,
/// a leading '-' removes. Returns false and sets \p Error on a bad glob.
class CheckFilter {
public:
  static bool parse(const std::string &Spec, CheckFilter &Out,
                    std::string &Error);
  bool matches(const std::string &Name) const;
  bool empty() const { return Globs.empty(); }

private:
  struct Glob {
    bool Negative;
    std::string Pattern;
  };
  std::vector<Glob> Globs;
};

/// Instantiate the checks \p Enabled selects, configured from \p Options.
std::vector<std::unique_ptr<Check>> createChecks(const CheckFilter &Enabled,
                                                 const CheckOptions &Options);

} // namespace klp

#endif
