// Shadow calls written through the livepatch's own function-like macros. The
// call is the core's klp_shadow_get(), expanded where the macro is used, so
// shadow-id-without-state (docs/semantics.md#rules) reports it at that use. The id is named as
// written in the id argument: 'SV_WRAPPED' when the macro body supplies it,
// 'SV_PASSED' when the user passes it through a macro parameter; not the
// text of the whole macro invocation.
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_WRAPPED 0x55 // klp-note {{id 'SV_WRAPPED' is defined here}}
#define SV_PASSED 0x56 // klp-note 2 {{id 'SV_PASSED' is defined here}}
#define SV_OWNED 0x57

#define WRAPPED_SHADOW(o) klp_shadow_get((o), SV_WRAPPED)
#define SHADOW_GET(o, id) klp_shadow_get((o), (id))

static void *patched_fn(void *obj)
{
	SHADOW_GET(obj, SV_OWNED);
	SHADOW_GET(obj, SV_PASSED); // klp-warning {{shadow variable id 'SV_PASSED' (86) used by klp_shadow_get() matches no state of this livepatch}}
	return WRAPPED_SHADOW(obj); // klp-warning {{shadow variable id 'SV_WRAPPED' (85) used by klp_shadow_get() matches no state of this livepatch}}
}

static struct klp_func funcs[] = { { .old_name = "orig_fn", .new_func = patched_fn }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = { // klp-note 3 {{the livepatch's states are declared in 'states'}}
	{ .id = SV_OWNED, .is_shadow = true },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// Proof of findings (kernel-support/tests/proof/run-proof.py): patched_fn
// only reads, so the battery also runs attach_passed, patched code that
// allocates the SV_PASSED variable through a wrapper macro.
// PROOF: call patched_fn(&klp_sim_knobs)
// PROOF: call attach_passed(&klp_sim_knobs)
// PROOF: unshown 85: only klp_shadow_get() uses SV_WRAPPED; nothing in this module allocates such a variable
#define SHADOW_NEW(o, id) klp_shadow_alloc((o), (id), 8, GFP_KERNEL, NULL, NULL)

static void *attach_passed(void *obj)
{
	return SHADOW_NEW(obj, SV_PASSED); // klp-warning {{shadow variable id 'SV_PASSED' (86) used by klp_shadow_alloc() matches no state of this livepatch}}
}
// SPDX-License-Identifier: GPL-2.0-only
