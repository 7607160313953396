// States built at run time in module init instead of by an initializer
// (docs/semantics.md#rule-conventions: a state is also any klp_state lvalue
// assigned .id / .is_shadow / .callbacks.*; some patches build states[] at
// run time). states[0] gets is_shadow by assignment, so its id is owned and
// silent. states[1] gets an id but no is_shadow: shadow-id-without-state
// variant (b) at the call, with the state note at its first assignment. The
// id assigned to states[2] is not constant, but states[2] has is_shadow: it
// may be SV_LATE's state, so SV_LATE, which matches no other state, is not
// reported (cannot decide is silence).
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_RT_OWNED 31
#define SV_RT_PLAIN 32 // klp-note 2 {{id 'SV_RT_PLAIN' is defined here}}
#define SV_LATE 33

static unsigned long late_id = SV_LATE;
static int owned_ready;

static int owned_setup(struct klp_patch *patch, struct klp_state *state)
{
	owned_ready = 1;
	return 0;
}

static void owned_teardown(struct klp_patch *patch, struct klp_state *state)
{
	owned_ready = 0;
}

static void *patched_fn(void *obj)
{
	klp_shadow_get_or_alloc(obj, SV_RT_OWNED, 8, GFP_KERNEL, NULL, NULL);
	klp_shadow_get(obj, SV_LATE);
	return klp_shadow_get(obj, SV_RT_PLAIN); // klp-warning {{shadow variable id 'SV_RT_PLAIN' (32) used by klp_shadow_get() matches a state without is_shadow}}
}

static struct klp_func funcs[] = { { .old_name = "orig_fn", .new_func = patched_fn }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[4];

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static int livepatch_init(void)
{
	states[0].id = SV_RT_OWNED;
	states[0].is_shadow = true;
	states[0].callbacks.pre_patch = owned_setup;
	states[0].callbacks.post_unpatch = owned_teardown;
	states[1].id = SV_RT_PLAIN; // klp-note 2 {{state 'SV_RT_PLAIN' (32) is declared here; set .is_shadow = true}}
	states[2].id = late_id;
	states[2].is_shadow = true;
	return klp_enable_patch(&patch);
}

module_init(livepatch_init);

// Proof of findings (kernel-support/tests/proof/run-proof.py): patched_fn
// only reads, so the battery also runs attach_plain, patched code that
// allocates the SV_RT_PLAIN variable.
// PROOF: call patched_fn(&klp_sim_knobs)
// PROOF: call attach_plain(&klp_sim_knobs)
static void *attach_plain(void *obj)
{
	return klp_shadow_alloc(obj, SV_RT_PLAIN, 8, GFP_KERNEL, NULL, NULL); // klp-warning {{shadow variable id 'SV_RT_PLAIN' (32) used by klp_shadow_alloc() matches a state without is_shadow}}
}
// SPDX-License-Identifier: GPL-2.0-only
