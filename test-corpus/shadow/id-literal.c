// Shadow and state ids written as bare numbers (docs/semantics.md#rule-shadow-id-literal):
// the state and the shadow calls repeat 7, and nothing ties the two places
// together or keeps another feature from picking 7 as well. Each literal is
// a note; the fix-it names the number (id-literal-fixes.test applies it).
// RUN: %klp-lint --checks=-*,shadow-id-literal %s -- %api-c -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

static int track(void *obj)
{
	if (klp_shadow_get(obj, 7)) // klp-note {{shadow variable id 7 of klp_shadow_get() is a bare number}}
		return 0;
	return klp_shadow_alloc(obj, 7, 8, GFP_ATOMIC, NULL, NULL) ? 0 : -ENOMEM; // klp-note {{shadow variable id 7 of klp_shadow_alloc() is a bare number}}
}

static struct klp_func funcs[] = { { .old_name = "track", .new_func = track }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = 7, .is_shadow = true }, // klp-note {{state id 7 is a bare number}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
