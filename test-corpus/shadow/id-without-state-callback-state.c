// "state->id" inside a function stored in a state's callbacks is that
// state's id, also when it is passed on to a same-TU helper. An is_shadow
// state whose variables its own pre_patch allocates through such a helper is
// used (no variant (c) note). A state without is_shadow whose callback
// allocates through state->id gets variant (b), worded with the state's id.
// One callback may serve several states: each of them counts.
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define ST_OWNED_A 21
#define ST_OWNED_B 22
#define ST_PLAIN 23 // klp-note {{id 'ST_PLAIN' is defined here}}

static void *anchor;

static int attach(void *obj, unsigned long id)
{
	return klp_shadow_alloc(obj, id, 8, GFP_KERNEL, NULL, NULL) ? 0 : -ENOMEM;
}

static int owned_pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	return attach(anchor, state->id);
}

static void owned_pre_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	klp_shadow_get(anchor, state->id);
}

static int plain_pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	return klp_shadow_alloc(anchor, state->id, 8, GFP_KERNEL, NULL, NULL) ? 0 : -ENOMEM; // klp-warning {{shadow variable id 'ST_PLAIN' (23) used by klp_shadow_alloc() matches a state without is_shadow; these shadow variables are never freed when the state is removed}}
}

static void plain_pre_unpatch(struct klp_patch *patch, struct klp_state *state)
{
}

static void *patched(void *obj)
{
	return klp_shadow_get(anchor, ST_OWNED_B);
}

static struct klp_func funcs[] = { { .old_name = "orig", .new_func = patched }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = ST_OWNED_A, .is_shadow = true,
	  .callbacks = { .pre_patch = owned_pre_patch, .pre_unpatch = owned_pre_unpatch } },
	{ .id = ST_OWNED_B, .is_shadow = true,
	  .callbacks = { .pre_patch = owned_pre_patch, .pre_unpatch = owned_pre_unpatch } },
	{ .id = ST_PLAIN, // klp-note {{state 'ST_PLAIN' (23) is declared here; set .is_shadow = true}}
	  .callbacks = { .pre_patch = plain_pre_patch, .pre_unpatch = plain_pre_unpatch } },
	{}
};

static struct klp_patch patch = { .mod = THIS_MODULE, .objs = objs, .states = states };

// PROOF: call patched(&klp_sim_knobs)
// SPDX-License-Identifier: GPL-2.0-only
