//===- per-object.h - callbacks-per-object ---------------------*- C++ -*-===//
//
// Per-object callbacks (klp_object.callbacks, KPATCH_*_CALLBACK,
// KLP_*_CALLBACK) that must move to per-state callbacks.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_CHECKS_CALLBACKS_PER_OBJECT_H
#define KLP_CHECKS_CALLBACKS_PER_OBJECT_H

#include "Check.h"

namespace klp::checks {

class CallbacksPerObjectCheck : public Check {
public:
  CallbacksPerObjectCheck(std::string Name, Severity Level,
                          const CheckOptions &)
      : Check(std::move(Name), Level) {}
  void check(const ModuleModel &M, std::vector<Finding> &Out) const override;
};

} // namespace klp::checks

#endif
