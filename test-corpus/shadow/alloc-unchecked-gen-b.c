// Generation B (POC): a state's setup allocating a shadow variable and
// writing through it unchecked (docs/semantics.md#rules-patch candidate shadow-alloc-unchecked).
// RUN: %klp-lint --checks=-*,shadow-alloc-unchecked %s -- %api-b -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_CFG 0x1f0

static int cfg_anchor;

static int cfg_setup(struct klp_patch *patch, struct klp_state *state)
{
	long *c = klp_shadow_get_or_alloc(&cfg_anchor, SV_CFG, sizeof(*c), GFP_KERNEL, NULL, NULL); // klp-note {{allocated here by klp_shadow_get_or_alloc()}}

	*c = 42; // klp-warning {{shadow variable id 'SV_CFG' (496) from klp_shadow_get_or_alloc() is dereferenced through 'c' without a NULL check}}
	return 0;
}

static int patched(void)
{
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "patched", .new_func = patched }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_CFG, .is_shadow = true, .callbacks = { .setup = cfg_setup } },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
