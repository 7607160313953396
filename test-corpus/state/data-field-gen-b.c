// The POC keeps struct klp_state's data (its patch 7 removed only the
// version): the same loss on an atomic replace, and v1 does not have it.
// Positional initializers count as well.
// RUN: %klp-lint --checks=-*,state-data-field %s -- %api-b -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

static int counter;

static int setup(struct klp_patch *patch, struct klp_state *state)
{
	*(int *)state->data = 1; // klp-warning {{read of struct klp_state's data member}}
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ 3, { setup }, false, false, &counter }, // klp-warning {{state 3 sets struct klp_state's data member}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
