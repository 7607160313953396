// Generation B (POC) and a helper: the helper passes its parameter on as the
// id, and its call site writes the number (docs/semantics.md#rule-shadow-id-literal; the
// finding is at the call of the helper, where the number is).
// RUN: %klp-lint --checks=-*,shadow-id-literal %s -- %api-b -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

static void *attach(void *obj, unsigned long id)
{
	return klp_shadow_get_or_alloc(obj, id, 8, GFP_ATOMIC, NULL, NULL);
}

static int setup_fn(struct klp_patch *patch, struct klp_state *state)
{
	return 0;
}

static int patched(void *obj)
{
	return attach(obj, 12) ? 0 : -ENOMEM; // klp-note {{shadow variable id 12 of klp_shadow_get_or_alloc() (through 'attach') is a bare number}}
}

static struct klp_func funcs[] = { { .old_name = "patched", .new_func = patched }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = 12, .is_shadow = true, .callbacks = { .setup = setup_fn } }, // klp-note {{state id 12 is a bare number}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
