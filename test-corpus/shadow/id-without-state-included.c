// A livepatch whose shadow-variable code is in a .c file that the main file
// #includes. The included .c file belongs to the livepatch, so its calls
// take part in shadow-id-without-state (docs/semantics.md#rules) and an unmatched id is
// reported inside it (expectations in Inputs/id-without-state-included/
// shadow.c); the states note points back here.
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#include "Inputs/id-without-state-included/shadow.c"

static struct klp_func funcs[] = { { .old_name = "orig_fn", .new_func = inc_shadow }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = { // klp-note {{the livepatch's states are declared in 'states'}}
	{ .id = SV_INC_OWNED, .is_shadow = true },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// Proof of findings (kernel-support/tests/proof/run-proof.py) runs the
// patched code after each enable of the battery:
// PROOF: call inc_shadow(&klp_sim_knobs)
// SPDX-License-Identifier: GPL-2.0-only
