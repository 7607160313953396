// More look-alikes of shadow-id-literal that must stay silent: an id that
// is a helper's parameter (the call site's number is what the check judges,
// and here it is named), state->id inside a state's callback, an id computed
// at run time, a number in an argument that is not the id (the size), a
// function-like macro whose whole body is the id, and a local function whose
// name only starts like the shadow API.
// RUN: %klp-lint --checks=-*,shadow-id-literal %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_BASE 0x300
#define SV_SLOT(n) (SV_BASE + (n))

static void *klp_shadow_get_cached(void *obj, unsigned long id)
{
	(void)id;
	return obj;
}

static void *peek(void *obj, unsigned long id)
{
	return klp_shadow_get(obj, id);
}

static int pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	return klp_shadow_get(patch, state->id) ? 0 : 1;
}

static int use(void *obj, unsigned long slot)
{
	klp_shadow_alloc(obj, SV_BASE + slot, 24, GFP_ATOMIC, NULL, NULL);
	klp_shadow_get_cached(obj, 5);
	if (klp_shadow_get(obj, SV_SLOT(1)))
		return 1;
	return peek(obj, SV_BASE) ? 0 : 1;
}

static struct klp_func funcs[] = { { .old_name = "use", .new_func = use }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_BASE, .is_shadow = true, .callbacks = { .pre_patch = pre_patch } },
	{ .id = SV_SLOT(1), .is_shadow = true },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
