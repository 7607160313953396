// Look-alikes that must stay silent: terminators spelled every usual way,
// an unrelated struct whose member is also called id, a states[] array the
// patch does not refer to, and a zero id in a comment. Only this check
// runs.
// RUN: %klp-lint --checks=-*,state-id-zero %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

#define NO_STATE 0
#define END_OF_STATES { .id = NO_STATE }

struct lp_counter {
	unsigned long id;
	int hits;
};

static struct lp_counter counters[] = {
	{ .id = 0, .hits = 3 },
	{ .id = 1 },
};

static int setup(struct klp_patch *patch, struct klp_state *state)
{
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

/* { .id = 0, .callbacks = { .pre_patch = setup } } would end the walk. */
static struct klp_state states[] = {
	{ .id = 1, .callbacks = { .pre_patch = setup, .pre_unpatch = NULL } },
	{ .id = 0, .callbacks = { .pre_patch = NULL }, .is_shadow = false },
	{ }
};

static struct klp_state other_states[] = {
	{ 2 },
	END_OF_STATES,
	{ 0 },
	{}
};

/* Not this patch's: its elements never reach the core. */
static struct klp_state spare[] = {
	{ .id = 0, .callbacks = { .pre_patch = setup } },
	{ .id = 5 },
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static struct klp_patch other_patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = other_states,
};
// SPDX-License-Identifier: GPL-2.0-only
