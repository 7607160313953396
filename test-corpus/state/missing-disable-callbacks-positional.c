// States written with positional initializers under generation C. struct
// klp_state is {id, callbacks, block_disable, is_shadow} and the callbacks
// are {pre_patch, post_patch, pre_unpatch, post_unpatch, shadow_dtor} (docs/semantics.md#generation-c),
// so the roles and block_disable come from the positions. docs/semantics.md#rules
// state-missing-disable-callbacks: the first state has only a pre_patch;
// the second has post_patch and post_unpatch (silent); the third has only a
// pre_patch but block_disable (third member) true (silent); the fourth has a
// post_patch, and its true fourth member is is_shadow, not block_disable
// (being an unused is_shadow state, it also gets shadow-id-without-state's
// variant (c) note).
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

#define ST_POS_A 0x70
#define ST_POS_B 0x71
#define ST_POS_C 0x72
#define ST_POS_D 0x73

static int pos;

static int pos_on(struct klp_patch *patch, struct klp_state *state)
{
	pos = 1;
	return 0;
}

static void pos_live(struct klp_patch *patch, struct klp_state *state)
{
	pos = 2;
}

static void pos_off(struct klp_patch *patch, struct klp_state *state)
{
	pos = 0;
}

static struct klp_func funcs[] = { { "cmdline_proc_show", NULL, 0 }, { NULL, NULL, 0 } };
static struct klp_object objs[] = { { NULL, funcs }, { NULL, NULL } };

static struct klp_state states[] = {
	{ ST_POS_A, { pos_on, NULL, NULL, NULL, NULL }, false, false }, // klp-warning {{state 'ST_POS_A' (112) has a pre_patch callback but neither pre_unpatch nor post_unpatch and no block_disable}}
	{ ST_POS_B, { NULL, pos_live, NULL, pos_off }, false, false },
	{ ST_POS_C, { pos_on }, true },
	{ ST_POS_D, { NULL, pos_live }, false, true }, // klp-warning {{state 'ST_POS_D' (115) has a post_patch callback but neither pre_unpatch nor post_unpatch and no block_disable}} klp-note {{state 'ST_POS_D' (115) has is_shadow but no shadow variable call in this livepatch uses its id}}
	{ 0 }
};

static struct klp_patch patch = { THIS_MODULE, objs, states, false };

// Proof of findings (kernel-support/tests/proof/run-proof.py): ST_POS_C has
// block_disable, so the replacement of the battery keeps it (lifting the
// block) and drops the others.
// PROOF: replacement keeps 0x72
// SPDX-License-Identifier: GPL-2.0-only
