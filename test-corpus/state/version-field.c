// Code written for the v1 series before "[PATCH v1 04/19] livepatch: Add
// "block_disable" flag to per-state API and remove versioning" still sets
// and compares versions: once they are gone a downgrade is accepted (ST-3)
// even where the version was to refuse it, and block_disable is what keeps
// a state from being removed (docs/semantics.md#rule-state-version-field).
// RUN: %klp-lint --checks=-*,state-version-field %s -- -I %S/Inputs/v1-01 %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

#define CONSOLE_STATE 1
#define CONSOLE_STATE_VERSION 2

static int setup(struct klp_patch *patch, struct klp_state *state)
{
	struct klp_state *prev = klp_get_prev_state(CONSOLE_STATE);

	if (prev && prev->version > state->version) // klp-warning {{read of the version of a state: v1 removes state versions, so a downgrade is accepted even where the version was to refuse it; keep the state from being removed with block_disable instead [state-version-field]}} klp-warning {{read of the version of a state: v1 removes}}
		return -EINVAL;
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{
		.id = CONSOLE_STATE,
		.version = CONSOLE_STATE_VERSION, // klp-warning {{state 'CONSOLE_STATE' (1) sets a version: v1 removes state versions, so a downgrade is accepted even where the version was to refuse it; keep the state from being removed with block_disable instead}}
		.callbacks = { .pre_patch = setup },
	},
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static int lp_init(void)
{
	if (klp_get_state(&patch, CONSOLE_STATE)->version < 1) // klp-warning {{read of the version of a state that klp_get_state() returns}}
		states[0].version = 1; // klp-warning {{write of a state's version}}
	return klp_enable_patch(&patch);
}
module_init(lp_init);
// SPDX-License-Identifier: GPL-2.0-only
