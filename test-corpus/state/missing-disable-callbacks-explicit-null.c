// A teardown member written out as NULL or 0 is not a teardown callback.
// docs/semantics.md#rule-state-missing-disable-callbacks flags a state that has pre_patch
// or post_patch and "has neither pre_unpatch nor post_unpatch"; a member
// initialised to a null pointer constant has none. Each spelling of null
// (NULL, 0, a cast 0) still leaves the setup without an undo.
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

#define ST_NULL_BOTH 0x10
#define ST_ZERO 0x11
#define ST_CAST 0x12
#define ST_REAL 0x13

static int knob;

static int knob_set(struct klp_patch *patch, struct klp_state *state)
{
	knob = 1;
	return 0;
}

static void knob_live(struct klp_patch *patch, struct klp_state *state)
{
	knob = 2;
}

static void knob_reset(struct klp_patch *patch, struct klp_state *state)
{
	knob = 0;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ // klp-warning {{state 'ST_NULL_BOTH' (16) has a pre_patch callback but neither pre_unpatch nor post_unpatch and no block_disable; its change is not undone when the patch is disabled or replaced by a patch without it [state-missing-disable-callbacks]}}
		.id = ST_NULL_BOTH,
		.callbacks = {
			.pre_patch = knob_set,
			.pre_unpatch = NULL,
			.post_unpatch = NULL,
		},
	},
	{ // klp-warning {{state 'ST_ZERO' (17) has a post_patch callback but neither pre_unpatch nor post_unpatch and no block_disable}}
		.id = ST_ZERO,
		.callbacks = { .post_patch = knob_live, .pre_unpatch = 0, .post_unpatch = 0 },
	},
	{ // klp-warning {{state 'ST_CAST' (18) has a pre_patch callback but neither pre_unpatch nor post_unpatch and no block_disable}}
		.id = ST_CAST,
		.callbacks = { .pre_patch = knob_set, .post_unpatch = (void *)0 },
	},
	{
		.id = ST_REAL,
		.callbacks = { .pre_patch = knob_set, .pre_unpatch = NULL, .post_unpatch = knob_reset },
	},
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
