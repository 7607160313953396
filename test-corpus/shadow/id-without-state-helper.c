// The shadow API reached through the livepatch's own static helpers whose
// id parameter receives a constant at each call site. docs/semantics.md#rule-conventions folds ids;
// a helper's parameter is not constant inside the helper, so the id is
// folded at each call site of the helper instead, and a finding is reported
// there ("through '<helper>'"), once per call site with an unmatched id. A
// nested helper (outer passes its parameter on to a helper) is followed to
// the call site where the constant appears. Calls whose constant matches an
// is_shadow state, and calls with a non-constant id, are silent.
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_GOOD 0x11
#define SV_MISSING 0x12 // klp-note 2 {{id 'SV_MISSING' is defined here}}
#define SV_NESTED 0x13 // klp-note {{id 'SV_NESTED' is defined here}}

static void *shadow_of(void *obj, unsigned long id)
{
	return klp_shadow_get(obj, id);
}

static void *attach(void *obj, unsigned long id, size_t size)
{
	return klp_shadow_alloc(obj, id, size, GFP_KERNEL, NULL, NULL);
}

static void *attach_small(void *obj, unsigned long which)
{
	return attach(obj, which, 4);
}

static void *patched_lookup(void *obj, unsigned long dynamic_id)
{
	shadow_of(obj, SV_GOOD);
	attach_small(obj, SV_GOOD);
	shadow_of(obj, dynamic_id);
	shadow_of(obj, SV_MISSING); // klp-warning {{shadow variable id 'SV_MISSING' (18) used by klp_shadow_get() (through 'shadow_of') matches no state of this livepatch}}
	attach(obj, SV_MISSING, 8); // klp-warning {{shadow variable id 'SV_MISSING' (18) used by klp_shadow_alloc() (through 'attach') matches no state of this livepatch}}
	return attach_small(obj, SV_NESTED); // klp-warning {{shadow variable id 'SV_NESTED' (19) used by klp_shadow_alloc() (through 'attach_small') matches no state of this livepatch}}
}

static struct klp_func funcs[] = { { .old_name = "lookup", .new_func = patched_lookup }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = { // klp-note 3 {{the livepatch's states are declared in 'states'}}
	{ .id = SV_GOOD, .is_shadow = true },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// Proof of findings (kernel-support/tests/proof/run-proof.py) runs the
// patched code after each enable of the battery:
// PROOF: call patched_lookup(&klp_sim_knobs, 0)
// SPDX-License-Identifier: GPL-2.0-only
