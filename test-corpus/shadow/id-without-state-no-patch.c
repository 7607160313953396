// A module that uses the shadow-variable API but defines no struct
// klp_patch is not a livepatch (docs/semantics.md#rule-conventions: "module-scope shadow and state
// checks do not report on it"), e.g. a helper module. None of these ids has
// a state, and the module even declares a state array, but nothing is
// reported.
// RUN: %klp-lint --checks=-shadow-id-literal %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_HELPER_DATA 900

void *helper_data(void *obj)
{
	return klp_shadow_get_or_alloc(obj, SV_HELPER_DATA, 32, GFP_KERNEL, NULL, NULL);
}

void helper_forget(void *obj)
{
	klp_shadow_free(obj, SV_HELPER_DATA, NULL);
	klp_shadow_free_all(901, NULL);
}

struct klp_state helper_states[] = {
	{ .id = 902, .is_shadow = true },
	{}
};

// Proof of findings (kernel-support/tests/proof/run-proof.py) loads this as
// a plain module: with no patch there is no enable, disable or replace
// after which its variables could outlive a state, and nothing calls its
// helpers.
// SPDX-License-Identifier: GPL-2.0-only
