// Shadow variables attached by the replacement of a module's function, in a
// livepatch that registers no module notifier (docs/semantics.md#rules-shadow
// shadow-module-object-lifetime, DER-12): when the target module t goes, no
// state callback runs and nothing frees them; they outlive the objects they
// describe, and a reload of t with an object at the same address finds stale
// data or gets "Duplicate shadow variable".
// Proof of findings: the battery loads t, runs its patched t_obj_func, unloads
// t: the shadow variable of t's object is still listed.
// RUN: %klp-lint --checks=-*,shadow-module-object-lifetime %s -- %api-c -Xclang -verify=klp
// PROOF: target t.so as t
// PROOF: call t:t_obj_func(*t:t_obj)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_TOBJ 0x170

static int livepatch_t_obj_func(void *obj)
{
	int *hits = klp_shadow_get_or_alloc(obj, SV_TOBJ, sizeof(*hits), GFP_ATOMIC, NULL, NULL); // klp-warning {{shadow variable id 'SV_TOBJ' (368) allocated by klp_shadow_get_or_alloc() in 'livepatch_t_obj_func'}}

	if (!hits)
		return -ENOMEM;
	return ++*hits > 0 ? 0 : -EINVAL;
}

static struct klp_func t_funcs[] = {
	{ .old_name = "t_obj_func", .new_func = livepatch_t_obj_func },
	{}
};

static struct klp_object objs[] = {
	{ .name = "t", .funcs = t_funcs }, // klp-note {{object 't' is declared here}}
	{}
};

static struct klp_state states[] = {
	{ .id = SV_TOBJ, .is_shadow = true },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
