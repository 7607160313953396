// Generation A (upstream): the same API and the same NULL results (spec
// docs/semantics.md#rules-patch candidate shadow-alloc-unchecked applies to A, B and C). A frees
// no shadow variable at the disable, so the re-enable's allocation for the
// same object is a duplicate, and the write through it faults.
// RUN: %klp-lint --checks=-*,shadow-alloc-unchecked %s -- %api-a -Xclang -verify=klp
// PROOF: call mark(&klp_sim_knobs)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_MARK 0x1e0

static int mark(void *obj)
{
	int *m = klp_shadow_alloc(obj, SV_MARK, sizeof(*m), GFP_ATOMIC, NULL, NULL); // klp-note {{allocated here by klp_shadow_alloc()}}

	*m = 1; // klp-warning {{shadow variable id 'SV_MARK' (480) from klp_shadow_alloc() is dereferenced through 'm' without a NULL check}}
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "mark", .new_func = mark }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};
// SPDX-License-Identifier: GPL-2.0-only
