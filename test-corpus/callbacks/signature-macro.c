// callbacks-signature through the module's own macro and at run time: a
// helper macro assigns the callbacks of states[] in module init, and hides
// the cast. post_patch gets a function with the pre_patch type: the core
// ignores its result, but it reads the same arguments, so only the return
// type differs and nothing goes wrong there; pre_unpatch gets a function of
// the per-object type.
// RUN: %klp-lint --checks=-*,callbacks-signature %s -- %api-c -Xclang -verify=klp 2>&1 | FileCheck %s --check-prefix=EXIT --implicit-check-not=-verify
// EXIT: {{^}}0 warnings, 2 errors in 1 file

#include <linux/livepatch.h>
#include <linux/module.h>

#define SET_CALLBACK(s, role, fn) ((s).callbacks.role = (void *)(fn))

static int activate(struct klp_patch *patch, struct klp_state *state) // klp-note {{'activate' is declared here}}
{
	pr_info("%s\n", __func__);
	return 0;
}

static void deactivate(struct klp_object *obj) // klp-note {{'deactivate' is declared here}}
{
	pr_info("%s\n", __func__);
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };
static struct klp_state states[2] = { { .id = 40 } };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static int livepatch_init(void)
{
	SET_CALLBACK(states[0], post_patch, activate); // klp-error {{'activate' of type 'int (struct klp_patch *, struct klp_state *)' is stored in the post_patch slot of struct klp_state_callbacks, which the core calls as 'void (struct klp_patch *, struct klp_state *)'; the cast to 'void *' keeps the compiler from saying so}}
	SET_CALLBACK(states[0], pre_unpatch, deactivate); // klp-error {{'deactivate' of type 'void (struct klp_object *)' is stored in the pre_unpatch slot of struct klp_state_callbacks}}
	return klp_enable_patch(&patch);
}

static void livepatch_exit(void)
{
}

module_init(livepatch_init);
module_exit(livepatch_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");

// PROOF: unshown post_patch: only the result differs, which the core ignores for post_patch
// PROOF: unshown pre_unpatch: a function that only logs runs the same in a core without kCFI
// SPDX-License-Identifier: GPL-2.0-only
