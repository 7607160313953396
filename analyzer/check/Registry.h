/* SPDX-License-Identifier: GPL-2.0-only */
//===- Registry.h - Every check, and the checks of a configuration -*- C++ -*-===//

#ifndef KLP_CHECK_REGISTRY_H
#define KLP_CHECK_REGISTRY_H

#include "check/Check.h"
#include "support/Glob.h"

#include <memory>
#include <vector>

namespace klp {

/// Every check of checks/CheckList.def, in name order.
const std::vector<CheckInfo> &allChecks();
std::vector<std::string> allCheckNames();
const CheckInfo *findCheck(llvm::StringRef Name);
/// The check name (or group glob) closest to the misspelt \p Name, for a
/// "did you mean" hint; "" when nothing is close.
std::string suggestCheck(llvm::StringRef Name);
/// The Checks value a configuration starts from: "*" without the opt-in
/// checks (KLP_CHECK_OPT_IN in checks/CheckList.def).
std::vector<std::string> defaultChecks();
/// Problems of a --checks/Checks value: its positive globs that match no
/// check, each with a hint ("unknown check 'x'; did you mean 'y'?").
std::vector<std::string> unknownChecks(const GlobList &Globs);
/// "A, B, C" for a generation mask.
std::string generationList(unsigned Mask);

/// The checks one configuration enables, instantiated once for every file
/// that shares the configuration. Construction reads (and validates) their
/// options and hands them the run's context.
class CheckSet {
public:
  CheckSet(const GlobList &Enabled, const CheckOptions &Options,
           const CheckContext &Context = {});
  CheckSet(const CheckSet &) = delete;
  CheckSet &operator=(const CheckSet &) = delete;

  const std::vector<std::unique_ptr<Check>> &all() const { return Checks; }
  std::vector<const Check *> withScope(Scope S) const;
  bool empty() const { return Checks.empty(); }

private:
  std::vector<std::unique_ptr<Check>> Checks;
};

} // namespace klp

#endif
