// A state without is_shadow whose own pre_unpatch or post_unpatch frees its
// shadow variables by hand, directly or through same-TU helpers, is the
// correct manual teardown: no variant (b) for that id. A teardown that frees
// another id, or a free reached only from elsewhere, does not count.
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_DIRECT 41
#define SV_HELPER 42
#define SV_STATE_ID 43
#define SV_WRONG 44 // klp-note {{id 'SV_WRONG' is defined here}}
#define SV_OTHER 45

static void release_all(unsigned long id)
{
	klp_shadow_free_all(id, NULL);
}

static void drop_helper(void)
{
	release_all(SV_HELPER);
}

static void direct_post_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	klp_shadow_free_all(SV_DIRECT, NULL);
}

static void helper_pre_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	drop_helper();
}

static void state_id_post_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	klp_shadow_free_all(state->id, NULL);
}

static void wrong_post_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	klp_shadow_free_all(SV_OTHER, NULL);
}

static void *patched(void *obj)
{
	klp_shadow_alloc(obj, SV_DIRECT, 8, GFP_KERNEL, NULL, NULL);
	klp_shadow_alloc(obj, SV_HELPER, 8, GFP_KERNEL, NULL, NULL);
	klp_shadow_alloc(obj, SV_STATE_ID, 8, GFP_KERNEL, NULL, NULL);
	return klp_shadow_alloc(obj, SV_WRONG, 8, GFP_KERNEL, NULL, NULL); // klp-warning {{shadow variable id 'SV_WRONG' (44) used by klp_shadow_alloc() matches a state without is_shadow}}
}

static struct klp_func funcs[] = { { .old_name = "orig", .new_func = patched }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_DIRECT, .callbacks = { .post_unpatch = direct_post_unpatch } },
	{ .id = SV_HELPER, .callbacks = { .pre_unpatch = helper_pre_unpatch } },
	{ .id = SV_STATE_ID, .callbacks = { .post_unpatch = state_id_post_unpatch } },
	{ .id = SV_WRONG, .callbacks = { .post_unpatch = wrong_post_unpatch } }, // klp-note {{state 'SV_WRONG' (44) is declared here; set .is_shadow = true}}
	{ .id = SV_OTHER, .is_shadow = true },
	{}
};

static struct klp_patch patch = { .mod = THIS_MODULE, .objs = objs, .states = states };

// PROOF: call patched(&klp_sim_knobs)
// SPDX-License-Identifier: GPL-2.0-only
