//===- poc-spelling.h - callbacks-poc-spelling -----------------*- C++ -*-===//
//
// POC (generation B) names of per-state callbacks (setup, enable, disable,
// release) that generation C spells pre_patch, post_patch, pre_unpatch and
// post_unpatch.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_CHECKS_CALLBACKS_POC_SPELLING_H
#define KLP_CHECKS_CALLBACKS_POC_SPELLING_H

#include "Check.h"

namespace klp::checks {

class CallbacksPocSpellingCheck : public Check {
public:
  CallbacksPocSpellingCheck(std::string Name, Severity Level,
                            const CheckOptions &)
      : Check(std::move(Name), Level) {}
  void check(const ModuleModel &M, std::vector<Finding> &Out) const override;
};

} // namespace klp::checks

#endif
