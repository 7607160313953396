// Look-alikes of shadow-free-in-state-callback that must stay silent:
// - SV_MANUAL's state has no is_shadow: its post_unpatch freeing the id is
//   the correct manual teardown;
// - reset_conns() frees SV_OWN but is also called by the patched code, so
//   it is not code only the callbacks reach (SV_OWN's post_unpatch calls
//   it; the state has no shadow_dtor that would then be skipped);
// - a struct with members named like klp_state's (id, is_shadow,
//   callbacks.post_unpatch) is not a state;
// - a free of SV_OWN in a comment, or under #if 0, is no call.
// RUN: %klp-lint --checks=-*,shadow-free-in-state-callback %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics
// PROOF: call open_own(&klp_sim_knobs)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_MANUAL 0x130
#define SV_OWN 0x131

struct fake_callbacks {
	void (*post_unpatch)(void);
};

struct fake_state {
	unsigned long id;
	bool is_shadow;
	struct fake_callbacks callbacks;
};

static void fake_teardown(void)
{
	klp_shadow_free_all(SV_OWN, NULL);
}

static struct fake_state fake __used = {
	.id = SV_OWN, .is_shadow = true, .callbacks = { .post_unpatch = fake_teardown },
};

static void reset_conns(void)
{
	klp_shadow_free_all(SV_OWN, NULL);
}

static int open_own(void *obj)
{
	if (!obj) {
		reset_conns();
		return -EINVAL;
	}
	klp_shadow_get_or_alloc(obj, SV_MANUAL, 8, GFP_ATOMIC, NULL, NULL);
	return klp_shadow_get_or_alloc(obj, SV_OWN, 8, GFP_ATOMIC, NULL, NULL) ? 0 : -ENOMEM;
}

static void manual_post_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	klp_shadow_free_all(SV_MANUAL, NULL);
}

static void own_post_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	/* klp_shadow_free_all(SV_OWN, NULL) is the core's job. */
#if 0
	klp_shadow_free_all(SV_OWN, NULL);
#endif
	reset_conns();
}

static struct klp_func funcs[] = { { .old_name = "open_own", .new_func = open_own }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_MANUAL, .callbacks = { .post_unpatch = manual_post_unpatch } },
	{ .id = SV_OWN, .is_shadow = true, .callbacks = { .post_unpatch = own_post_unpatch } },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
