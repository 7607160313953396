// SPDX-License-Identifier: GPL-2.0-only
/*
 * proof_replace.c - the replacement of the proof battery for a case whose
 * patch has block_disable states (kernel-support/tests/proof/run-proof.py).
 *
 * The battery replaces the case's patch by a patch without its states.  A
 * plain replacement (lp2_r_none) is refused while the case's patch holds a
 * block_disable state (section 3.1 step 3), so this one keeps exactly
 * those ids, as section 3.8 allows: it lists them, clears block_disable,
 * and tears them down itself with a post_unpatch when it is disabled, the
 * way a successor "which would support the particular state disablement"
 * would.  The kept states have no is_shadow, as the case declares them.
 * Every other state of the case is dropped.
 *
 * Build parameters:
 *
 *   PROOF_KEEP_IDS	the kept ids, comma separated, e.g. 0x22,0x23
 *   PROOF_TARGET	the function it replaces (default "t_func", of T)
 */
#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#ifndef PROOF_KEEP_IDS
#error "PROOF_KEEP_IDS: the state ids this replacement keeps"
#endif

static void proof_r_post_unpatch(struct klp_patch *patch,
				 struct klp_state *state)
{
	(void)patch;
	(void)state;
}

static int proof_r_t_func(void)
{
	return 2;
}

static struct klp_func proof_r_funcs[] = {
	{ .old_name = "t_func", .new_func = proof_r_t_func },
	{}
};

static struct klp_object proof_r_objs[] = {
	{ .name = "T", .funcs = proof_r_funcs },
	{}
};

static const unsigned long proof_r_ids[] = { PROOF_KEEP_IDS };

static struct klp_state proof_r_states[ARRAY_SIZE(proof_r_ids) + 1];

static struct klp_patch proof_r_patch = {
	.mod = THIS_MODULE,
	.objs = proof_r_objs,
	.states = proof_r_states,
	.replace = true,
};

static int proof_r_init(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(proof_r_ids); i++) {
		proof_r_states[i].id = proof_r_ids[i];
		proof_r_states[i].callbacks.post_unpatch = proof_r_post_unpatch;
	}
	return klp_enable_patch(&proof_r_patch);
}

static void proof_r_exit(void)
{
}

module_init(proof_r_init);
module_exit(proof_r_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
