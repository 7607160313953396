//===- id-without-state.h - shadow-id-without-state ------------*- C++ -*-===//
//
// Shadow variable ids that no is_shadow state of the livepatch frees, and
// is_shadow states that no shadow call uses.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_CHECKS_SHADOW_ID_WITHOUT_STATE_H
#define KLP_CHECKS_SHADOW_ID_WITHOUT_STATE_H

#include "Check.h"

namespace klp::checks {

class ShadowIdWithoutStateCheck : public Check {
public:
  ShadowIdWithoutStateCheck(std::string Name, Severity Level,
                            const CheckOptions &)
      : Check(std::move(Name), Level) {}
  void check(const ModuleModel &M, std::vector<Finding> &Out) const override;
};

} // namespace klp::checks

#endif
