// Writes at run time: through the callback's own state, through a pointer
// into states[], and through klp_get_state(). Clearing the flag is as
// wrong as setting it: the removal then skips post_unpatch and the shadow
// free of a state whose pre_patch ran.
// RUN: %klp-lint --checks=-*,state-internal-field-set %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

#define MARK_DONE(s) ((s)->callbacks.pre_patch_succeeded = 1)

static struct klp_patch patch;

static int setup(struct klp_patch *p, struct klp_state *state)
{
	MARK_DONE(state); // klp-error {{'pre_patch_succeeded' is assigned: the core records in it that this state's pre_patch step passed}}
	return 0;
}

static void enable(struct klp_patch *p, struct klp_state *state)
{
	state->callbacks.pre_patch_succeeded = false; // klp-error {{'pre_patch_succeeded' is cleared: the core records in it that this state's pre_patch step passed and runs post_unpatch and the shadow free only then; cleared by the patch, the removal of the state runs neither although its pre_patch ran}}
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };
static struct klp_state states[] = {
	{ .id = 1, .callbacks = { .pre_patch = setup, .post_patch = enable } },
	{ .id = 2, .is_shadow = true },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static int lp_init(void)
{
	struct klp_state *s = &states[1];

	s->callbacks.pre_patch_succeeded = true; // klp-error {{'pre_patch_succeeded' is assigned}}
	klp_get_state(&patch, 1)->callbacks.pre_patch_succeeded = true; // klp-error {{'pre_patch_succeeded' is assigned}}
	return klp_enable_patch(&patch);
}
module_init(lp_init);

// Proof of findings: no pre_patch in this case fails, so the core's cancel,
// the only reader of pre_patch_succeeded before a disable, never runs; on a
// disable the record is true for every state anyway.
// PROOF: unshown pre_patch_succeeded: no pre_patch of this patch fails, so the cancel that reads the record never runs
// SPDX-License-Identifier: GPL-2.0-only
