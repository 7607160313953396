// The result of klp_shadow_alloc() dereferenced without a NULL check (spec
// docs/semantics.md#rules-patch candidate shadow-alloc-unchecked): the second call for the same
// object warns "Duplicate shadow variable" and returns NULL, and the write
// through it faults.
// Proof of findings: the re-enable's call runs for an object whose variable
// is still there (SV_HITS has no state that frees it), and the reference
// reports the NULL pointer dereference.
// RUN: %klp-lint --checks=-*,shadow-alloc-unchecked %s -- %api-c -Xclang -verify=klp
// PROOF: call count_hit(&klp_sim_knobs)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_HITS 0x1b0

struct hits {
	int n;
};

static int count_hit(void *obj)
{
	struct hits *h = klp_shadow_alloc(obj, SV_HITS, sizeof(*h), GFP_ATOMIC, NULL, NULL); // klp-note {{allocated here by klp_shadow_alloc()}}

	h->n = 1; // klp-warning {{shadow variable id 'SV_HITS' (432) from klp_shadow_alloc() is dereferenced through 'h' without a NULL check}}
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "count_hit", .new_func = count_hit }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};
// SPDX-License-Identifier: GPL-2.0-only
