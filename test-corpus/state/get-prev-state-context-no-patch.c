// A module without a struct klp_patch is not a livepatch: the module-scope
// state checks stay silent, whatever its init calls (docs/semantics.md#rule-conventions
// ).
// RUN: %klp-lint --checks=-*,state-get-prev-state-context %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

static int helper_init(void)
{
	return klp_get_prev_state(1) ? 0 : -ENODEV;
}
module_init(helper_init);

// Proof of findings: the init's call does warn in klp-sim, as it would in
// the kernel; the catalogue's convention leaves modules that are not
// livepatches unjudged, and this is the price of it.
// PROOF: unflagged outside-transition: a module without a struct klp_patch is not a livepatch, and the module-scope state checks do not report on it (semantics.md#rule-conventions)
// SPDX-License-Identifier: GPL-2.0-only
