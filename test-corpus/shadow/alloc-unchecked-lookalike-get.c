// More look-alikes of shadow-alloc-unchecked that must stay silent: the
// result of klp_shadow_get() is not an allocation (this check is about
// alloc and get_or_alloc); a cast of the checked result; a pointer set
// anew before its dereference; a struct member named klp_shadow_alloc.
// RUN: %klp-lint --checks=-*,shadow-alloc-unchecked %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics
// PROOF: call peek(&klp_sim_knobs)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_PEEK 0x1f8

struct ops {
	void *(*klp_shadow_alloc)(void *obj);
};

static int fallback;

static void *own_alloc(void *obj)
{
	return &fallback;
}

static const struct ops my_ops = { .klp_shadow_alloc = own_alloc };

static int peek(void *obj)
{
	int *p = klp_shadow_alloc(obj, SV_PEEK, sizeof(int), GFP_ATOMIC, NULL, NULL);
	int *q;

	if (!p)
		p = &fallback;
	*p = 1;
	q = klp_shadow_get(obj, SV_PEEK);
	q = my_ops.klp_shadow_alloc(obj);
	return *(int *)q;
}

static struct klp_func funcs[] = { { .old_name = "peek", .new_func = peek }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};
// SPDX-License-Identifier: GPL-2.0-only
