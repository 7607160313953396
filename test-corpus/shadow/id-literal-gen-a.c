// Generation A (upstream): an A state {id, version} and a free in the
// per-object post_unpatch, both with a bare number (docs/semantics.md#rules-shadow
// shadow-id-literal applies to A, B and C).
// RUN: %klp-lint --checks=-*,shadow-id-literal %s -- %api-a -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

static int patched(void *obj)
{
	return klp_shadow_alloc(obj, 0x21, 8, GFP_ATOMIC, NULL, NULL) ? 0 : -ENOMEM; // klp-note {{shadow variable id 33 of klp_shadow_alloc() is a bare number}}
}

static void done(struct klp_object *obj)
{
	klp_shadow_free_all(0x21, NULL); // klp-note {{shadow variable id 33 of klp_shadow_free_all() is a bare number}}
}

static struct klp_func funcs[] = { { .old_name = "patched", .new_func = patched }, {} };
static struct klp_object objs[] = { { .funcs = funcs, .callbacks = { .post_unpatch = done } }, {} };

static struct klp_state states[] = {
	{ .id = 0x21, .version = 1 }, // klp-note {{state id 33 is a bare number}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
