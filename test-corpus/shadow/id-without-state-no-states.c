// A livepatch with no states at all (its klp_patch has no .states) that
// allocates shadow variables. docs/semantics.md#rule-shadow-id-without-state, variant
// (a): the id matches no state. With no states array to point at, the note
// names the patch variable instead ("declares no states").
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_NEWFIELD 3 // klp-note {{id 'SV_NEWFIELD' is defined here}}

static void *patched_fn(void *obj)
{
	return klp_shadow_get_or_alloc(obj, SV_NEWFIELD, 4, GFP_KERNEL, NULL, NULL); // klp-warning {{shadow variable id 'SV_NEWFIELD' (3) used by klp_shadow_get_or_alloc() matches no state of this livepatch; these shadow variables are never freed when the patch is disabled or replaced [shadow-id-without-state]}}
}

static struct klp_func funcs[] = { { .old_name = "orig_fn", .new_func = patched_fn }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_patch stateless_patch = { // klp-note {{livepatch 'stateless_patch' declares no states}}
	.mod = THIS_MODULE,
	.objs = objs,
};

static int livepatch_init(void)
{
	return klp_enable_patch(&stateless_patch);
}

module_init(livepatch_init);

// Proof of findings (kernel-support/tests/proof/run-proof.py) runs the
// patched code after each enable of the battery:
// PROOF: call patched_fn(&klp_sim_knobs)
// SPDX-License-Identifier: GPL-2.0-only
