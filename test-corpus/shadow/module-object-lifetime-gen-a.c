// Generation A (upstream), judged by A's own semantics (docs/semantics.md#rules-shadow
// shadow-module-object-lifetime applies to A, B and C; under A the object's
// per-object callbacks also run when the module goes, LEG-3). Object t's
// replacement attaches SV_TA and SV_TB; its post_unpatch frees SV_TB through
// a helper, which counts as the module's teardown; SV_TA is freed by
// nothing when t goes.
// RUN: %klp-lint --checks=-*,shadow-module-object-lifetime %s -- %api-a -Xclang -verify=klp
// PROOF: target a_t.so as t
// PROOF: call t:t_obj_func(*t:t_obj)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_TA 0x190
#define SV_TB 0x191

static int livepatch_t_obj_func(void *obj)
{
	klp_shadow_get_or_alloc(obj, SV_TB, 8, GFP_ATOMIC, NULL, NULL);
	return klp_shadow_get_or_alloc(obj, SV_TA, 8, GFP_ATOMIC, NULL, NULL) ? 0 : -ENOMEM; // klp-warning {{shadow variable id 'SV_TA' (400) allocated by klp_shadow_get_or_alloc() in 'livepatch_t_obj_func', the replacement of a function of module 't'}}
}

static void forget_tb(void)
{
	klp_shadow_free_all(SV_TB, NULL);
}

static void t_post_unpatch(struct klp_object *obj)
{
	forget_tb();
}

static struct klp_func t_funcs[] = {
	{ .old_name = "t_obj_func", .new_func = livepatch_t_obj_func },
	{}
};

static struct klp_object objs[] = {
	{ .name = "t", .funcs = t_funcs, .callbacks = { .post_unpatch = t_post_unpatch } }, // klp-note {{object 't' is declared here}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};
// SPDX-License-Identifier: GPL-2.0-only
