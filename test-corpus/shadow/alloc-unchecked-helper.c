// Unchecked results through a helper and a macro (docs/semantics.md#rules-patch candidate
// shadow-alloc-unchecked): stats_of() returns what klp_shadow_get_or_alloc()
// returns, and its caller dereferences that at once; TAG() hides
// klp_shadow_alloc() and the member access follows without a test. Ids
// are enumerators.
// RUN: %klp-lint --checks=-*,shadow-alloc-unchecked %s -- %api-c -Xclang -verify=klp
// PROOF: call use_stats(&klp_sim_knobs)
// PROOF: unshown 464: klp_shadow_get_or_alloc() returns the existing variable when there is one, and the reference allocations do not fail, so stats_of() never returns NULL in the battery

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

enum { SV_STATS = 0x1d0, SV_TAG };

struct stats {
	int n;
};

#define TAG(obj) klp_shadow_alloc(obj, SV_TAG, sizeof(struct stats), GFP_ATOMIC, NULL, NULL)

static struct stats *stats_of(void *obj)
{
	return klp_shadow_get_or_alloc(obj, SV_STATS, sizeof(struct stats), GFP_ATOMIC, NULL, NULL); // klp-note {{allocated here by klp_shadow_get_or_alloc()}}
}

static int use_stats(void *obj)
{
	struct stats *t = TAG(obj); // klp-note {{allocated here by klp_shadow_alloc()}}

	stats_of(obj)->n++; // klp-warning {{shadow variable id 'SV_STATS' (464) from stats_of() (it returns klp_shadow_get_or_alloc()) is dereferenced without a NULL check}}
	t->n = 1; // klp-warning {{(465) from klp_shadow_alloc() is dereferenced through 't' without a NULL check}}
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "use_stats", .new_func = use_stats }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};
// SPDX-License-Identifier: GPL-2.0-only
