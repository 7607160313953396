//===- missing-disable-callbacks.h - state-missing-disable-callbacks -*- C++ -*-===//
//
// States that set up a change but have no pre_unpatch or post_unpatch
// callback to undo it and no block_disable.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_CHECKS_STATE_MISSING_DISABLE_CALLBACKS_H
#define KLP_CHECKS_STATE_MISSING_DISABLE_CALLBACKS_H

#include "Check.h"

namespace klp::checks {

class StateMissingDisableCallbacksCheck : public Check {
public:
  StateMissingDisableCallbacksCheck(std::string Name, Severity Level,
                                    const CheckOptions &Options);
  void check(const ModuleModel &M, std::vector<Finding> &Out) const override;
  std::vector<std::string> optionNames() const override {
    return {"IgnoreShadowOnlyStates"};
  }

private:
  const bool IgnoreShadowOnlyStates;
};

} // namespace klp::checks

#endif
