// The option IgnoreShadowOnlyStates of state-missing-disable-callbacks
// (docs/semantics.md#rules, default false): skip is_shadow states whose pre_patch only
// allocates shadow variables of the state's own id (logging with pr_* is
// allowed), because the core frees those variables when the state goes.
// Lines marked `off-warning` are flagged only with the option off (the
// default, first RUN); lines marked `klp-warning` are flagged either way:
//  - ST_SHADOW_ONLY: is_shadow, pre_patch allocates own id and logs -> skipped;
//  - ST_WRITES_GLOBAL: its pre_patch also changes a global -> not skipped;
//  - ST_OTHER_ID: its pre_patch allocates another state's id -> not skipped;
//  - ST_NOT_SHADOW: same pre_patch shape but no is_shadow -> not skipped.
// Only this check runs, so the shadow-id findings of these ids do not mix in.
// RUN: %klp-lint --checks=-*,state-missing-disable-callbacks %s -- %api-c -Xclang -verify=klp,off
// RUN: %klp-lint --checks=-*,state-missing-disable-callbacks --check-option=state-missing-disable-callbacks.IgnoreShadowOnlyStates=false %s -- %api-c -Xclang -verify=klp,off
// RUN: %klp-lint --checks=-*,state-missing-disable-callbacks --check-option=state-missing-disable-callbacks.IgnoreShadowOnlyStates=true %s -- %api-c -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/printk.h>

#define ST_SHADOW_ONLY 0x30
#define ST_WRITES_GLOBAL 0x31
#define ST_OTHER_ID 0x32
#define ST_NOT_SHADOW 0x33

static int touched;

static int alloc_own(struct klp_patch *patch, struct klp_state *state)
{
	if (!klp_shadow_get_or_alloc(patch, ST_SHADOW_ONLY, 16, GFP_KERNEL, NULL, NULL)) {
		pr_err("cannot allocate the shadow variable\n");
		return -1;
	}
	pr_info("shadow variable ready\n");
	return 0;
}

static int alloc_and_write(struct klp_patch *patch, struct klp_state *state)
{
	touched = 1;
	return klp_shadow_alloc(patch, ST_WRITES_GLOBAL, 16, GFP_KERNEL, NULL, NULL) ? 0 : -1;
}

static int alloc_other(struct klp_patch *patch, struct klp_state *state)
{
	return klp_shadow_alloc(state, ST_SHADOW_ONLY, 16, GFP_KERNEL, NULL, NULL) ? 0 : -1;
}

static int alloc_plain(struct klp_patch *patch, struct klp_state *state)
{
	return klp_shadow_alloc(patch, ST_NOT_SHADOW, 16, GFP_KERNEL, NULL, NULL) ? 0 : -1;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = ST_SHADOW_ONLY, .is_shadow = true, .callbacks.pre_patch = alloc_own }, // off-warning {{state 'ST_SHADOW_ONLY' (48) has a pre_patch callback but neither pre_unpatch nor post_unpatch and no block_disable}}
	{ .id = ST_WRITES_GLOBAL, .is_shadow = true, .callbacks.pre_patch = alloc_and_write }, // klp-warning {{state 'ST_WRITES_GLOBAL' (49) has a pre_patch callback but neither pre_unpatch nor post_unpatch and no block_disable}}
	{ .id = ST_OTHER_ID, .is_shadow = true, .callbacks.pre_patch = alloc_other }, // klp-warning {{state 'ST_OTHER_ID' (50) has a pre_patch callback but neither pre_unpatch nor post_unpatch and no block_disable}}
	{ .id = ST_NOT_SHADOW, .callbacks.pre_patch = alloc_plain }, // klp-warning {{state 'ST_NOT_SHADOW' (51) has a pre_patch callback but neither pre_unpatch nor post_unpatch and no block_disable}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// Proof of findings (kernel-support/tests/proof/run-proof.py) runs this
// patch: alloc_other attaches its ST_SHADOW_ONLY variable to its own state,
// not to the patch, where alloc_own's already is (klp_shadow_alloc() would
// refuse the duplicate and the patch could not be enabled). The battery
// shows every flagged state removed without a teardown callback;
// ST_SHADOW_ONLY's variables are freed by the core, which is what
// IgnoreShadowOnlyStates accepts.
// SPDX-License-Identifier: GPL-2.0-only
