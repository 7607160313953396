// An is_shadow state whose id no shadow-variable call of the livepatch uses.
// docs/semantics.md#rule-shadow-id-without-state, variant (c), reported as a NOTE: the
// core frees every shadow variable with that id when the state is removed,
// including ones an older patch created, which is intended only when the
// state exists to free an older patch's variables. The note is at the
// state's initializer. A used is_shadow state and an unused state without
// is_shadow are silent.
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_USED 61
#define SV_INHERITED 62
#define ST_PLAIN 63

static void *patched_fn(void *obj)
{
	return klp_shadow_get_or_alloc(obj, SV_USED, 8, GFP_KERNEL, NULL, NULL);
}

static struct klp_func funcs[] = { { .old_name = "orig_fn", .new_func = patched_fn }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_USED, .is_shadow = true },
	{ .id = SV_INHERITED, .is_shadow = true }, // klp-note {{state 'SV_INHERITED' (62) has is_shadow but no shadow variable call in this livepatch uses its id; the core frees every shadow variable with this id when the state is removed, which is intentional only if the state exists to free variables of an older patch [shadow-id-without-state]}}
	{ .id = ST_PLAIN },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
	.replace = true,
};

// Proof of findings (kernel-support/tests/proof/run-proof.py) runs the
// patched code after each enable of the battery:
// PROOF: call patched_fn(&klp_sim_knobs)
// SPDX-License-Identifier: GPL-2.0-only
