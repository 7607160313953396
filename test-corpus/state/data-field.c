// Code written for the v1 series before "[PATCH v1 05/19] livepatch:
// Remove "data" from struct klp_state" keeps its state's data in the
// member: each patch has its own copy, so an atomic replace leaves the new
// patch with its own initial value and loses what the old pointer owned
// (docs/semantics.md#rule-state-data-field). The initializer, every write
// and every read are reported, also through klp_get_state() and
// klp_get_prev_state(), and through a macro.
// RUN: %klp-lint --checks=-*,state-data-field %s -- -I %S/Inputs/v1-04 %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/slab.h>

#define CONSOLE_STATE 1
#define STATE_DATA(s) ((s)->data)

static int saved_loglevel;
static struct klp_patch patch;

static int save_loglevel(struct klp_patch *p, struct klp_state *state)
{
	struct klp_state *prev = klp_get_prev_state(CONSOLE_STATE);

	if (prev) {
		state->data = prev->data; // klp-warning {{write of struct klp_state's data member: each patch has its own copy, so after an atomic replace the new patch's data is its own initial value and whatever the old pointer owned is lost, and v1 removes the member; keep the state's data in a shadow variable with the state's id [state-data-field]}} klp-warning {{read of struct klp_state's data member: each patch}}
		return 0;
	}
	state->data = kzalloc(sizeof(int), GFP_KERNEL); // klp-warning {{write of struct klp_state's data member}}
	return STATE_DATA(state) ? 0 : -ENOMEM; // klp-warning {{read of struct klp_state's data member}}
}

static void restore_loglevel(struct klp_patch *p, struct klp_state *state)
{
	kfree(klp_get_state(&patch, CONSOLE_STATE)->data); // klp-warning {{read of struct klp_state's data member through klp_get_state()}}
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{
		.id = CONSOLE_STATE,
		.callbacks = { .pre_patch = save_loglevel, .post_unpatch = restore_loglevel },
		.data = &saved_loglevel, // klp-warning {{state 'CONSOLE_STATE' (1) sets struct klp_state's data member: each patch has its own copy}}
	},
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
