// Generation A (upstream) has no is_shadow and its core frees no shadow
// variable: freeing them by hand in a per-object post_unpatch is the only
// teardown there is, so docs/semantics.md#rule-shadow-free-in-state-callback (gens B, C)
// stays silent, even for an A state that carries the id.
// RUN: %klp-lint --checks=-*,shadow-free-in-state-callback %s -- %api-a -Xclang -verify=klp
// klp-no-diagnostics
// PROOF: call open_leg(&klp_sim_knobs)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_LEG 0x160

static int open_leg(void *obj)
{
	return klp_shadow_get_or_alloc(obj, SV_LEG, 8, GFP_ATOMIC, NULL, NULL) ? 0 : -ENOMEM;
}

static void leg_post_unpatch(struct klp_object *obj)
{
	klp_shadow_free_all(SV_LEG, NULL);
}

static struct klp_func funcs[] = { { .old_name = "open_leg", .new_func = open_leg }, {} };
static struct klp_object objs[] = {
	{ .funcs = funcs, .callbacks = { .post_unpatch = leg_post_unpatch } },
	{}
};

static struct klp_state states[] = {
	{ .id = SV_LEG, .version = 1 },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
