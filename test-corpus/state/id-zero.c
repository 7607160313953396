// A state whose id is 0 in the middle of states[]: klp_for_each_state()
// stops at it, so the element itself and the is_shadow state after it are
// never seen (docs/semantics.md#rule-state-id-zero). The core runs none of
// their callbacks and never frees their shadow variables.
// RUN: %klp-lint --checks=-*,state-id-zero %s -- %api-c -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define LOG_STATE 10
#define CACHE_STATE 11

static int loglevel;

static int log_setup(struct klp_patch *patch, struct klp_state *state)
{
	return 0;
}

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

static struct klp_state states[] = {
	{
		.id = LOG_STATE,
		.callbacks = { .pre_patch = log_setup, .post_patch = log_enable,
			       .pre_unpatch = log_disable },
	},
	{ // klp-error {{element 1 of 'states' has state id 0: the core's walk of states[] stops here, so this element and the one after it ('CACHE_STATE' (11)) get no callbacks, no compatibility check and no shadow free [state-id-zero]}}
		.id = 0,
		.callbacks = { .post_patch = log_enable, .pre_unpatch = log_disable },
		.is_shadow = true,
	},
	{ .id = CACHE_STATE, .is_shadow = true },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// Proof of findings (kernel-support/tests/proof/run-proof.py): the patched
// code keeps a variable of each is_shadow id; the core frees neither when
// the patch is disabled, since its walk ends before both states, and runs
// no callback of element 1.
// PROOF: call cache_conn(&klp_sim_knobs)
void *cache_conn(void *conn)
{
	klp_shadow_alloc(conn, 0, 16, GFP_KERNEL, NULL, NULL);
	return klp_shadow_alloc(conn, CACHE_STATE, 16, GFP_KERNEL, NULL, NULL);
}
// SPDX-License-Identifier: GPL-2.0-only
