// Member accesses and nested designators use the B names too; generation B's
// internal flag setup_succeeded is pre_patch_succeeded in C.
// RUN: %klp-lint --checks=-*,callbacks-poc-spelling %s -- %api-b -Xclang -verify=klp

#include <linux/livepatch.h>

static void enable_fn(struct klp_patch *patch, struct klp_state *state) { }

static int was_set_up(struct klp_state *state)
{
	return state->callbacks.setup_succeeded; // klp-note {{'setup_succeeded' is the POC (generation B) name of this struct klp_state_callbacks member; generation C calls it 'pre_patch_succeeded'}}
}

static struct klp_state states[] = {
	{ .id = 2, .callbacks.enable = enable_fn }, // klp-note {{generation C calls it 'post_patch'}}
	{}
};

static struct klp_patch patch = { .states = states };

static void late(void)
{
	states[0].callbacks.disable = enable_fn; // klp-note {{generation C calls it 'pre_unpatch'}}
}
// SPDX-License-Identifier: GPL-2.0-only
