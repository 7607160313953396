// Ids compared after constant folding (docs/semantics.md#rule-conventions: "macros, enums, and
// expressions such as (bsc << 6) | n"; docs/semantics.md#rule-shadow-id-without-state also
// names const objects with constant initializers). The states and the calls
// spell the same numbers differently: a function-like macro computing
// ((bug) << 6) | n, the same arithmetic written out, and const objects. The
// matching ones are silent; an id whose folded value has no state is
// reported with its value, and a call whose id is not constant at all is
// excluded from matching.
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define BUG_SHADOW_ID(bug, n) (((bug) << 6) | (n)) // klp-note {{id 'BUG_SHADOW_ID' is defined here}}
#define SV_BUG1207_PTR BUG_SHADOW_ID(1207, 1)
#define SV_BUG1207_CNT BUG_SHADOW_ID(1207, 2)

static const unsigned long sv_lock_id = 0x2a;
static const unsigned long sv_stray_id = 3 * 11 + 1; // klp-note 2 {{id 'sv_stray_id' is defined here}}
static const unsigned long sv_count_id = SV_BUG1207_CNT;

static unsigned long runtime_id;

static void *patched_open(void *file)
{
	void *p = klp_shadow_alloc(file, SV_BUG1207_PTR, 8, GFP_KERNEL, NULL, NULL);

	klp_shadow_get_or_alloc(file, sv_count_id, 4, GFP_KERNEL, NULL, NULL);
	klp_shadow_get(file, sv_lock_id);
	klp_shadow_get(file, (1207 << 6) | 1); // klp-note {{shadow variable id 77249 of klp_shadow_get() is a bare number}}
	klp_shadow_get(file, BUG_SHADOW_ID(1207, 3)); // klp-warning {{shadow variable id 'BUG_SHADOW_ID(1207, 3)' (77251) used by klp_shadow_get() matches no state of this livepatch}}
	klp_shadow_free(file, sv_stray_id, NULL); // klp-warning {{shadow variable id 'sv_stray_id' (34) used by klp_shadow_free() matches no state of this livepatch}}
	klp_shadow_get(file, runtime_id);
	return p;
}

static struct klp_func funcs[] = { { .old_name = "do_open", .new_func = patched_open }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state bug1207_states[] = { // klp-note 3 {{the livepatch's states are declared in 'bug1207_states'}}
	{ .id = (1207 << 6) | 1, .is_shadow = true }, // klp-note {{state id 77249 is a bare number}}
	{ .id = BUG_SHADOW_ID(1207, 2), .is_shadow = true },
	{ .id = 42, .is_shadow = true }, // klp-note {{state id 42 is a bare number}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = bug1207_states,
};

// Proof of findings (kernel-support/tests/proof/run-proof.py): patched_open
// only reads and frees the stray ids, so the battery also runs open_stray,
// patched code that allocates the variable klp_shadow_free() expects.
// PROOF: call patched_open(&klp_sim_knobs)
// PROOF: call open_stray(&klp_sim_knobs)
// PROOF: unshown 77251: only klp_shadow_get() uses BUG_SHADOW_ID(1207, 3); nothing in this module allocates such a variable
static void *open_stray(void *file)
{
	return klp_shadow_alloc(file, sv_stray_id, 4, GFP_KERNEL, NULL, NULL); // klp-warning {{shadow variable id 'sv_stray_id' (34) used by klp_shadow_alloc() matches no state of this livepatch}}
}
// SPDX-License-Identifier: GPL-2.0-only
