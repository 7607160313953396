// callbacks-pre-patch-no-rollback through macros: the shadow allocation
// and the error code come from the module's own macros, the failure test
// is IS_ERR() on a lookup of the module's own, wrapped in unlikely(). The
// first error path (the allocation failed) has nothing to undo; the second
// leaks the shadow variable.
// RUN: %klp-lint --checks=-*,callbacks-pre-patch-no-rollback %s -- %api-c -Xclang -verify=klp

#include <linux/err.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_CACHE 0x21
#define CACHE_ERR (-ENOENT)
#define NEW_CACHE(obj) klp_shadow_get_or_alloc((obj), SV_CACHE, 32, GFP_KERNEL, NULL, NULL)

extern int klp_sim_knobs[];

static void *lookup_cache_owner(void)
{
	return ERR_PTR(-ENOENT);
}

static int cache_pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	void *owner;

	if (!NEW_CACHE(&klp_sim_knobs[1])) // klp-note {{klp_shadow_get_or_alloc() of id 'SV_CACHE' (33) is here}}
		return -ENOMEM;
	owner = lookup_cache_owner();
	if (unlikely(IS_ERR(owner)))
		return CACHE_ERR; // klp-warning {{state 'SV_CACHE' (33): pre_patch callback 'cache_pre_patch' returns an error here without undoing klp_shadow_get_or_alloc() of id 'SV_CACHE' (33) (line 27)}}
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };

static struct klp_state states[] = {
	{ .id = SV_CACHE, .is_shadow = true, .callbacks = { .pre_patch = cache_pre_patch } },
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
