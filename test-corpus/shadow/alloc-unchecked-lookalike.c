// Look-alikes of shadow-alloc-unchecked that must stay silent: every
// dereference follows a test of the result (if, ?:, early return, a test
// in the same condition); cache_alloc() has klp_shadow_alloc()'s arguments
// but is the module's own function that never returns NULL; a dereference
// in a comment is no code.
// RUN: %klp-lint --checks=-*,shadow-alloc-unchecked %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics
// PROOF: call use_checked(&klp_sim_knobs)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_OK 0x1c0
#define SV_OK2 0x1c1

struct cnt {
	int n;
};

static struct cnt cache_slot;

static void *cache_alloc(void *obj, unsigned long id, size_t size, gfp_t gfp, void *ctor, void *arg)
{
	return &cache_slot;
}

static int use_checked(void *obj)
{
	struct cnt *a = klp_shadow_alloc(obj, SV_OK, sizeof(*a), GFP_ATOMIC, NULL, NULL);
	struct cnt *b;
	struct cnt *c = cache_alloc(obj, SV_OK, sizeof(*c), GFP_ATOMIC, NULL, NULL);

	/* a->n = 0 before the test would fault */
	if (!a)
		return -ENOMEM;
	a->n = 1;
	b = klp_shadow_get_or_alloc(obj, SV_OK2, sizeof(*b), GFP_ATOMIC, NULL, NULL);
	if (b && b->n > 0)
		return b->n;
	c->n = 2;
	return b ? b->n : c->n;
}

static struct klp_func funcs[] = { { .old_name = "use_checked", .new_func = use_checked }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};
// SPDX-License-Identifier: GPL-2.0-only
