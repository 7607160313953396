// The same id twice in one states[] (DER-8): the core runs the callbacks of
// both copies, and when the patch goes only the first is_shadow copy frees
// the id's shadow variables, with its own destructor; the second copy's
// destructor never runs (docs/semantics.md#rule-state-duplicate-id).
// RUN: %klp-lint --checks=-*,state-duplicate-id %s -- %api-c -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define CONN_STATE 10

static int conns;

static int conn_setup(struct klp_patch *patch, struct klp_state *state)
{
	conns++;
	return 0;
}

static void conn_enable(struct klp_patch *patch, struct klp_state *state)
{
}

static void conn_disable(struct klp_patch *patch, struct klp_state *state)
{
}

static void conn_teardown(struct klp_patch *patch, struct klp_state *state)
{
	conns--;
}

static void conn_dtor(void *obj, void *data)
{
}

static void stats_dtor(void *obj, void *data)
{
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ // klp-note {{the first state with id 'CONN_STATE' (10) is here}}
		.id = CONN_STATE,
		.callbacks = { .pre_patch = conn_setup, .post_patch = conn_enable,
			       .pre_unpatch = conn_disable, .post_unpatch = conn_teardown,
			       .shadow_dtor = conn_dtor },
		.is_shadow = true,
	},
	{ // klp-error {{state id 'CONN_STATE' (10) appears again in 'states': the core runs each copy's callbacks, so they run once per copy, and only the first is_shadow copy's shadow_dtor frees the id's shadow variables; klp_get_state() finds only the first [state-duplicate-id]}}
		.id = CONN_STATE,
		.callbacks = { .pre_patch = conn_setup, .post_unpatch = conn_teardown,
			       .shadow_dtor = stats_dtor },
		.is_shadow = true,
	},
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// Proof of findings (kernel-support/tests/proof/run-proof.py): the enable
// runs conn_setup twice and the disable conn_teardown twice, once per copy.
// PROOF: call open_conn(&klp_sim_knobs)
void *open_conn(void *conn)
{
	return klp_shadow_alloc(conn, CONN_STATE, 16, GFP_KERNEL, NULL, NULL);
}
// SPDX-License-Identifier: GPL-2.0-only
