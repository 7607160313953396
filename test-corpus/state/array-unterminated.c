// A states[] array without its terminating element: klp_for_each_state()
// walks until it finds an id 0, so every walk of this patch's states reads
// past the array (docs/semantics.md#rule-state-array-unterminated). The
// fix-it appends "{ }" (array-unterminated-fixes.test).
// RUN: %klp-lint --checks=-*,state-array-unterminated %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

#define LOG_STATE 10
#define CACHE_STATE 11

static int loglevel;

static void log_enable(struct klp_patch *patch, struct klp_state *state)
{
	loglevel = 7;
}

static void log_disable(struct klp_patch *patch, struct klp_state *state)
{
	loglevel = 4;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = { // klp-error {{states[] array 'states' has no element with id 0 to end it: the core walks states[] until it finds one, so after the last element (index 1, state id 'CACHE_STATE' (11)) it reads past the end of the array [state-array-unterminated]}}
	{
		.id = LOG_STATE,
		.callbacks = { .post_patch = log_enable, .pre_unpatch = log_disable },
	},
	{ .id = CACHE_STATE, .is_shadow = true },
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// Proof of findings (kernel-support/tests/proof/run-proof.py): the first
// walk of the states, klp_states_pre_patch() at the enable, reads the
// element after states[1], which AddressSanitizer reports.
// SPDX-License-Identifier: GPL-2.0-only
