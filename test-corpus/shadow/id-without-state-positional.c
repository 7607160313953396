// States written with positional initializers under generation C, whose
// struct klp_state is {id, callbacks, block_disable, is_shadow} (docs/semantics.md#generation-c). The
// fourth member is is_shadow: SV_POS_OWNED is owned (silent), SV_POS_PLAIN
// has is_shadow false and gets variant (b) of shadow-id-without-state (docs/semantics.md#rules)
// with the state note at its positional initializer. Reading the members by
// position, not by guess, matters: block_disable (third) is true for
// SV_POS_PLAIN and must not be taken for is_shadow.
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_POS_OWNED 91
#define SV_POS_PLAIN 92 // klp-note {{id 'SV_POS_PLAIN' is defined here}}

static void drop_extra(void *obj, void *shadow_data)
{
}

static void *patched_fn(void *obj)
{
	klp_shadow_get_or_alloc(obj, SV_POS_OWNED, 8, GFP_KERNEL, NULL, NULL);
	return klp_shadow_get_or_alloc(obj, SV_POS_PLAIN, 8, GFP_KERNEL, NULL, NULL); // klp-warning {{shadow variable id 'SV_POS_PLAIN' (92) used by klp_shadow_get_or_alloc() matches a state without is_shadow}}
}

static struct klp_func funcs[] = { { "orig_fn", patched_fn, 0 }, { NULL, NULL, 0 } };
static struct klp_object objs[] = { { NULL, funcs }, { NULL, NULL } };

static struct klp_state states[] = {
	{ SV_POS_OWNED, { NULL, NULL, NULL, NULL, drop_extra }, false, true },
	{ SV_POS_PLAIN, { NULL, NULL, NULL, NULL, drop_extra }, true, false }, // klp-note {{state 'SV_POS_PLAIN' (92) is declared here; set .is_shadow = true}}
	{ 0 }
};

static struct klp_patch patch = { THIS_MODULE, objs, states, false };

// Proof of findings (kernel-support/tests/proof/run-proof.py) runs the
// patched code after each enable of the battery. SV_POS_PLAIN has
// block_disable, so the patch cannot be disabled (DER-4) and a replace must
// keep the state (docs/semantics.md#enabling step 3): the replacement keeps it as declared here,
// without is_shadow, and lifts the block.
// PROOF: call patched_fn(&klp_sim_knobs)
// PROOF: replacement keeps 92
// SPDX-License-Identifier: GPL-2.0-only
