// Run-time states count like initialised ones: built through a pointer into
// an array, in a loop with an id computed at run time, or by a helper that
// fills the struct klp_state it is given (its callers make the states, with
// the ids they pass). Each one that sets something up and has neither
// pre_unpatch nor post_unpatch, and no block_disable, is reported where it
// is built.
// RUN: %klp-lint --checks=-*,state-missing-disable-callbacks %s -- %api-c -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/slab.h>

#define LOOP_FIRST 50
#define HELPER_ID 60
#define HELPER_OK_ID 61

static int value;

static int set_up(struct klp_patch *patch, struct klp_state *state)
{
	value = 1;
	return 0;
}

static void tear_down(struct klp_patch *patch, struct klp_state *state)
{
	value = 0;
}

static void fill(struct klp_state *s, unsigned long id)
{
	s->id = id;
	s->callbacks.pre_patch = set_up;
}

static void fill_undone(struct klp_state *s, unsigned long id)
{
	s->id = id;
	s->callbacks.pre_patch = set_up;
	s->callbacks.post_unpatch = tear_down;
}

static struct klp_func funcs[] = { { .old_name = "orig", .new_func = set_up }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };
static struct klp_patch patch = { .mod = THIS_MODULE, .objs = objs };
static struct klp_state *all_states;
/* Not the patch's states: what is built here does not count. */
static struct klp_state spare_states[2];

static int lp_init(void)
{
	int i;

	all_states = kzalloc(sizeof(*all_states) * 5, GFP_KERNEL);
	if (!all_states)
		return -ENOMEM;
	for (i = 0; i < 2; i++) {
		struct klp_state *state = &all_states[i];

		state->id = LOOP_FIRST + i; // klp-warning {{state 'LOOP_FIRST + i' (computed at run time) has a pre_patch callback but neither pre_unpatch nor post_unpatch and no block_disable}}
		state->callbacks.pre_patch = set_up;
	}
	fill(&all_states[2], HELPER_ID); // klp-warning {{state 'HELPER_ID' (60) has a pre_patch callback but neither pre_unpatch nor post_unpatch and no block_disable}}
	fill_undone(&all_states[3], HELPER_OK_ID);
	fill(&spare_states[0], HELPER_ID + 5);
	patch.states = all_states;
	return klp_enable_patch(&patch);
}

module_init(lp_init);

// Proof of findings: module init builds states 50 and 51 in the loop, 60
// and 61 through the helpers.
// PROOF: computed 'LOOP_FIRST + i' = 50, 51
// SPDX-License-Identifier: GPL-2.0-only
