// Look-alikes of states that state-missing-disable-callbacks (docs/semantics.md#rules) must not
// report: the module's own struct my_state, with members id, block_disable,
// is_shadow and a nested `callbacks` struct whose members carry the role
// names (initialised by designator, by position and at run time), and a
// struct klp_state_callbacks that belongs to no state (a template). Only
// struct klp_state values are states (docs/semantics.md#rule-conventions); the one real state here can be
// undone.
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

struct my_state {
	unsigned long id;
	struct {
		int (*pre_patch)(struct klp_patch *patch, struct klp_state *state);
		void (*post_patch)(struct klp_patch *patch, struct klp_state *state);
		void (*pre_unpatch)(struct klp_patch *patch, struct klp_state *state);
	} callbacks;
	bool block_disable;
	bool is_shadow;
};

static int tweak;

static int tweak_on(struct klp_patch *patch, struct klp_state *state)
{
	tweak = 1;
	return 0;
}

static void tweak_off(struct klp_patch *patch, struct klp_state *state)
{
	tweak = 0;
}

static struct my_state my_states[] = {
	{ .id = 5, .callbacks.pre_patch = tweak_on },
	{ 6, { tweak_on, NULL, NULL }, false, false },
	{}
};

static const struct klp_state_callbacks template_callbacks = {
	.pre_patch = tweak_on,
};

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = 7, .callbacks = { .pre_patch = tweak_on, .post_unpatch = tweak_off } },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static int livepatch_init(void)
{
	my_states[2].id = 8;
	my_states[2].callbacks.post_patch = tweak_off;
	(void)template_callbacks;
	return klp_enable_patch(&patch);
}

module_init(livepatch_init);
// SPDX-License-Identifier: GPL-2.0-only
