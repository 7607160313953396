// The POC's setup runs, like v1's pre_patch, only when no other patch holds
// the id: klp_get_prev_state() for the state's own id always returns NULL
// there (a note); for another id it may not. Its enable callback is fine.
// RUN: %klp-lint --checks=-*,state-get-prev-state-context %s -- %api-b -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

#define NET_STATE 4
#define FS_STATE 5

static int net_setup(struct klp_patch *patch, struct klp_state *state)
{
	if (klp_get_prev_state(FS_STATE))
		return 0;
	return klp_get_prev_state(NET_STATE) ? 0 : 1; // klp-note {{klp_get_prev_state(NET_STATE) in the setup callback of state 'NET_STATE' (4): it runs only when no other patch holds the id}}
}

static void net_enable(struct klp_patch *patch, struct klp_state *state)
{
	klp_get_prev_state(NET_STATE);
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = NET_STATE, .callbacks = { .setup = net_setup, .enable = net_enable } },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
