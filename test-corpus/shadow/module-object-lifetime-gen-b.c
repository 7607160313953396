// Generation B (POC): states with setup/release change nothing for a
// module's objects (docs/semantics.md#rule-shadow-module-object-lifetime, docs/semantics.md#target-modules: no
// state callback runs when a target module goes); the allocation goes
// through a macro of the livepatch.
// RUN: %klp-lint --checks=-*,shadow-module-object-lifetime %s -- %api-b -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_TBUF 0x1a0
#define TAG_OBJ(obj) klp_shadow_get_or_alloc(obj, SV_TBUF, 8, GFP_ATOMIC, NULL, NULL)

static int tbuf_setup(struct klp_patch *patch, struct klp_state *state)
{
	return 0;
}

static void tbuf_release(struct klp_patch *patch, struct klp_state *state)
{
}

static int livepatch_t_obj_func(void *obj)
{
	return TAG_OBJ(obj) ? 0 : -ENOMEM; // klp-warning {{shadow variable id 'SV_TBUF' (416) allocated by klp_shadow_get_or_alloc() in 'livepatch_t_obj_func', the replacement of a function of module 't'}}
}

static struct klp_func t_funcs[] = {
	{ .old_name = "t_obj_func", .new_func = livepatch_t_obj_func },
	{}
};

static struct klp_object objs[] = { { .name = "t", .funcs = t_funcs }, {} }; // klp-note {{object 't' is declared here}}

static struct klp_state states[] = {
	{ .id = SV_TBUF, .is_shadow = true, .callbacks = { .setup = tbuf_setup, .release = tbuf_release } },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
