// `.callbacks` in generation C struct klp_state initializers is the per-state
// API that per-object callbacks should move to; callbacks-per-object must not
// flag it. docs/semantics.md#rules: "Must not flag .callbacks in struct klp_state
// initializers (B/C). Decide by the record type, never by the member name."
// The states use every spelling the per-object rule knows: a braced
// designator, nested designators, a positional initializer and run-time
// assignments. Every state can be undone, so no other check reports either.
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

#define STATE_TUNING 1
#define STATE_COUNTERS 2
#define STATE_FLAGS 3
#define STATE_LATE 4

static int tuning;

static int tuning_on(struct klp_patch *patch, struct klp_state *state)
{
	tuning = 1;
	return 0;
}

static void tuning_live(struct klp_patch *patch, struct klp_state *state)
{
	tuning = 2;
}

static void tuning_off(struct klp_patch *patch, struct klp_state *state)
{
	tuning = 0;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{
		.id = STATE_TUNING,
		.callbacks = { .pre_patch = tuning_on, .post_unpatch = tuning_off },
	},
	{
		.id = STATE_COUNTERS,
		.callbacks.post_patch = tuning_live,
		.callbacks.pre_unpatch = tuning_off,
	},
	{ STATE_FLAGS, { tuning_on, tuning_live, tuning_off, tuning_off, NULL }, false, false },
	{},
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static int livepatch_init(void)
{
	states[3].id = STATE_LATE;
	states[3].callbacks.pre_patch = tuning_on;
	states[3].callbacks.pre_unpatch = tuning_off;
	return klp_enable_patch(&patch);
}

module_init(livepatch_init);
// SPDX-License-Identifier: GPL-2.0-only
