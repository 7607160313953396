// A state that sets something up in pre_patch/post_patch but has no
// pre_unpatch/post_unpatch and no block_disable: disabling the patch leaves
// the change in place (CB-1 shape with no teardown).
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

#define SETUP_STATE 10
#define LOG_STATE 11

static int saved_value;

static int setup_state(struct klp_patch *patch, struct klp_state *state)
{
	saved_value = 1;
	return 0;
}

static void enable_state(struct klp_patch *patch, struct klp_state *state)
{
	saved_value = 2;
}

static void undo_state(struct klp_patch *patch, struct klp_state *state)
{
	saved_value = 0;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ // klp-warning {{state 'SETUP_STATE' (10) has a pre_patch callback but neither pre_unpatch nor post_unpatch and no block_disable}}
		.id = SETUP_STATE,
		.callbacks = { .pre_patch = setup_state, .post_patch = enable_state },
	},
	{
		.id = LOG_STATE,
		.callbacks = { .post_patch = enable_state, .post_unpatch = undo_state },
	},
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
