// States built at run time, by a helper that fills the state it is given,
// and in a loop: the helper's two calls with the same id make two copies.
// RUN: %klp-lint --checks=-*,state-duplicate-id %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

#define NET_STATE 4
#define FS_STATE 5

static int setup(struct klp_patch *patch, struct klp_state *state)
{
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };
static struct klp_state states[4];

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static void fill_state(struct klp_state *state, unsigned long id)
{
	state->id = id;
	state->callbacks.pre_patch = setup;
	state->is_shadow = true;
}

static int lp_init(void)
{
	fill_state(&states[0], NET_STATE); // klp-note {{the first state with id 'NET_STATE' (4) is here}}
	fill_state(&states[1], FS_STATE);
	fill_state(&states[2], NET_STATE); // klp-error {{state id 'NET_STATE' (4) appears again in 'states'}}
	return klp_enable_patch(&patch);
}
module_init(lp_init);
// SPDX-License-Identifier: GPL-2.0-only
