// After "[PATCH v1 01/19]" struct klp_state still has version and data: a
// helper that stores through a struct klp_state pointer and ++ on the
// member are uses too.
// RUN: %klp-lint --checks=-*,state-data-field %s -- -I %S/Inputs/v1-01 %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

static int hits[2];

static void remember(struct klp_state *state, void *what)
{
	state->data = what; // klp-warning {{write of struct klp_state's data member}}
}

static void count(struct klp_patch *patch, struct klp_state *state)
{
	remember(state, &hits[0]);
	state->data++; // klp-warning {{write of struct klp_state's data member}}
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = 6, .callbacks = { .post_patch = count } },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
