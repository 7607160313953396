// SPDX-License-Identifier: GPL-2.0-only
/*
 * proof_blocker.c - the livepatch of the proof battery for a
 * patch-blocking-tail-call case (kernel-support/tests/proof/run-proof.py).
 *
 * The case is a target module with a task asleep in a function (its
 * "PROOF: blocked in <function>").  This livepatch replaces that function,
 * so its patching transition must wait for the task: it stays pending while
 * the function's frame is on the task's stack, and completes at once when
 * a sibling call took the frame away.
 *
 * Build parameters:
 *
 *   PROOF_TARGET	the case's module name, the object patched
 *   PROOF_BLOCKER	the function replaced
 */
#include <linux/livepatch.h>
#include <linux/module.h>

#if !defined(PROOF_TARGET) || !defined(PROOF_BLOCKER)
#error "PROOF_TARGET and PROOF_BLOCKER: the module and function replaced"
#endif

static void proof_b_new(void)
{
}

static struct klp_func proof_b_funcs[] = {
	{ .old_name = PROOF_BLOCKER, .new_func = proof_b_new },
	{}
};

static struct klp_object proof_b_objs[] = {
	{ .name = PROOF_TARGET, .funcs = proof_b_funcs },
	{}
};

static struct klp_patch proof_b_patch = {
	.mod = THIS_MODULE,
	.objs = proof_b_objs,
};

static int proof_b_init(void)
{
	return klp_enable_patch(&proof_b_patch);
}

static void proof_b_exit(void)
{
}

module_init(proof_b_init);
module_exit(proof_b_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
