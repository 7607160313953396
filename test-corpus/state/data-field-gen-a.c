// Generation A, judged by its own kernel (docs/semantics.md#rules-generation-a
// ): the data member works there as meant, with
// klp_get_prev_state() taking it over during the transition, so the file
// gets one note, at its first use, on what a migration to v1 must change.
// With --target-api=v1 every use is a warning.
// RUN: %klp-lint --checks=-*,state-data-field %s -- %api-a -Xclang -verify=klp
// RUN: %klp-lint --checks=-*,state-data-field --target-api=v1 %s -- %api-a -Xclang -verify=v1

#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/slab.h>

#define CONSOLE_LOGLEVEL_STATE 1

static struct klp_patch patch;

static int allocate_loglevel_state(void)
{
	struct klp_state *state, *prev;

	state = klp_get_state(&patch, CONSOLE_LOGLEVEL_STATE);
	prev = klp_get_prev_state(CONSOLE_LOGLEVEL_STATE);
	if (prev) {
		state->data = prev->data; // klp-note {{struct klp_state's data member is used here and 2 more times in this file: on this kernel each patch has its own copy, which a replacing patch must take over through klp_get_prev_state() while the transition runs; v1 removes the member, so a migration keeps the state's data in a shadow variable with the state's id [state-data-field]}} v1-warning {{write of struct klp_state's data member}} v1-warning {{read of struct klp_state's data member}}
		return 0;
	}
	state->data = kzalloc(sizeof(int), GFP_KERNEL); // v1-warning {{write of struct klp_state's data member}}
	return 0;
}

static int pre_patch_callback(struct klp_object *obj)
{
	return allocate_loglevel_state();
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = {
	{ .funcs = funcs, .callbacks = { .pre_patch = pre_patch_callback } },
	{}
};

static struct klp_state states[] = { { .id = CONSOLE_LOGLEVEL_STATE, .version = 1 }, {} };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
	.replace = true,
};
// SPDX-License-Identifier: GPL-2.0-only
