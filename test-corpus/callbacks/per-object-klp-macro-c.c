// klp-build's callback macros (linux/livepatch_helpers.h) in a livepatch
// built against generation C. kernel-support's headers provide the macros
// (docs/semantics.md#generation-a "Callback macros": a __used pointer __klp_<role>_callback_<obj>
// in section .discard.klp_callback_ptrs), so the code compiles; but
// generation C has no klp_object.callbacks ("[PATCH v1 19/19]"), nothing
// copies the pointers, and the callbacks never run (docs/semantics.md#rule-callbacks-per-object,
// spelling 4, "Effect: under C ... the callback can never run"). One finding
// per expansion. The proof of findings (kernel-support/tests/proof) builds
// this case as a module: klp-sim reports the section and each pointer as
// "never called: per-object callback". The second RUN uses the embedded
// default headers, which are kernel-support's.
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp
// RUN: %klp-lint --extra-arg=-Xclang --extra-arg=-verify=klp %s

#include <linux/livepatch.h>
#include <linux/livepatch_helpers.h>
#include <linux/module.h>

static int hooked;

static int lp_pre_patch(struct klp_object *obj)
{
	hooked = 1;
	return 0;
}

static void lp_post_patch(struct klp_object *obj)
{
	hooked = 2;
}

static void lp_post_unpatch(struct klp_object *obj)
{
	hooked = 0;
}

static int livepatch_cmdline_proc_show(void)
{
	return hooked;
}

static struct klp_func funcs[] = {
	{ .old_name = "cmdline_proc_show", .new_func = livepatch_cmdline_proc_show },
	{}
};
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static int livepatch_init(void)
{
	return klp_enable_patch(&patch);
}

static void livepatch_exit(void)
{
}

module_init(livepatch_init);
module_exit(livepatch_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");

KLP_PRE_PATCH_CALLBACK(lp_pre_patch); // klp-warning {{per-object pre_patch callback 'lp_pre_patch' registered by KLP_PRE_PATCH_CALLBACK; move it to the pre_patch callback of a struct klp_state [callbacks-per-object]}}
KLP_POST_PATCH_CALLBACK(lp_post_patch); // klp-warning {{per-object post_patch callback 'lp_post_patch' registered by KLP_POST_PATCH_CALLBACK; move it to the post_patch callback of a struct klp_state [callbacks-per-object]}}
KLP_POST_UNPATCH_CALLBACK(lp_post_unpatch); // klp-warning {{per-object post_unpatch callback 'lp_post_unpatch' registered by KLP_POST_UNPATCH_CALLBACK; move it to the post_unpatch callback of a struct klp_state [callbacks-per-object]}}
// SPDX-License-Identifier: GPL-2.0-only
