// The POC runs each copy's setup and release, like v1.
// RUN: %klp-lint --checks=-*,state-duplicate-id %s -- %api-b -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

static int setup(struct klp_patch *patch, struct klp_state *state)
{
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = 9, .callbacks = { .setup = setup } }, // klp-note {{the first state with id 9 is here}}
	{ .id = 9, .callbacks = { .setup = setup } }, // klp-error {{state id 9 appears again in 'states': the core runs each copy's callbacks}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
