// A struct klp_state array that no klp_patch refers to is not a state of the
// livepatch. docs/semantics.md#rule-conventions: "A 'state' is any struct klp_state reachable from a
// klp_patch.states initializer, or from assignments of constant .id / ...
// to klp_state lvalues". The patch below uses `states`; `old_states`, left
// over from an earlier version of the patch, is reachable from no klp_patch
// and is never assigned. Its is_shadow entry for SV_OLD therefore frees
// nothing, and the call using SV_OLD is variant (a) of
// shadow-id-without-state (docs/semantics.md#rules).
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_CUR 0xa1
#define SV_OLD 0xa2 // klp-note 2 {{id 'SV_OLD' is defined here}}

static void *patched_fn(void *obj)
{
	klp_shadow_get_or_alloc(obj, SV_CUR, 8, GFP_KERNEL, NULL, NULL);
	return klp_shadow_get(obj, SV_OLD); // klp-warning {{shadow variable id 'SV_OLD' (162) used by klp_shadow_get() matches no state of this livepatch}}
}

static struct klp_func funcs[] = { { .old_name = "orig_fn", .new_func = patched_fn }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state old_states[] = {
	{ .id = SV_OLD, .is_shadow = true },
	{}
};

static struct klp_state states[] = { // klp-note 2 {{the livepatch's states are declared in 'states'}}
	{ .id = SV_CUR, .is_shadow = true },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// Proof of findings (kernel-support/tests/proof/run-proof.py): patched_fn
// only reads SV_OLD, so the battery also runs attach_old, patched code that
// allocates it.
// PROOF: call patched_fn(&klp_sim_knobs)
// PROOF: call attach_old(&klp_sim_knobs)
static void *attach_old(void *obj)
{
	return klp_shadow_alloc(obj, SV_OLD, 8, GFP_KERNEL, NULL, NULL); // klp-warning {{shadow variable id 'SV_OLD' (162) used by klp_shadow_alloc() matches no state of this livepatch}}
}
// SPDX-License-Identifier: GPL-2.0-only
