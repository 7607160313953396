// Look-alikes that must stay silent: the same id in the states of two
// different patches, in an array no patch refers to, in another struct, a
// shadow id equal to a state id (that is how is_shadow links them), ids
// that differ after folding, and ids computed at run time.
// RUN: %klp-lint --checks=-*,state-duplicate-id %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

#define NET_STATE 4
#define NET_STATE_V2 (NET_STATE + 1)

struct lp_slot {
	unsigned long id;
};

static struct lp_slot slots[] = { { .id = NET_STATE }, { .id = NET_STATE } };
static unsigned long dyn_id;

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = NET_STATE, .is_shadow = true },
	{ .id = NET_STATE_V2 },
	{}
};
static struct klp_state other[] = { { .id = NET_STATE }, {} };
static struct klp_state unused[] = { { .id = NET_STATE_V2 }, { .id = NET_STATE_V2 }, {} };
static struct klp_state runtime[3];

static struct klp_patch patch = { .mod = THIS_MODULE, .objs = objs, .states = states };
static struct klp_patch other_patch = { .mod = THIS_MODULE, .objs = objs, .states = other };
static struct klp_patch runtime_patch = { .mod = THIS_MODULE, .objs = objs, .states = runtime };

static int lp_init(void)
{
	runtime[0].id = dyn_id;
	runtime[1].id = dyn_id;
	return klp_enable_patch(&patch);
}
module_init(lp_init);
// SPDX-License-Identifier: GPL-2.0-only
