// A module without a struct klp_patch is not a livepatch: the module-scope
// state checks stay silent, whatever its init calls (docs/semantics.md
// #rule-conventions).
// RUN: %klp-lint --checks=-*,state-get-prev-state-context %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

static int helper_init(void)
{
	return klp_get_prev_state(1) ? 0 : -ENODEV;
}
module_init(helper_init);
