// callbacks-pre-patch-no-rollback look-alikes that must stay silent: the
// same pattern in a function that is no state's pre_patch (a post_patch, a
// helper, the module's init); a pre_patch that frees its shadow variable
// (klp_shadow_free()) and its memory before failing; an error return in
// dead code; an error whose value is not known; a function of the module's
// own named like an allocator; a return of 0 after the side effect; and
// the pattern in a comment.
// RUN: %klp-lint --checks=-*,callbacks-pre-patch-no-rollback %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/slab.h>

#define SV_A 1
#define SV_B 2

extern int klp_sim_knobs[];
static bool ready;

static void *my_kzalloc(int n)
{
	return NULL;
}

static int check_ready(void)
{
	return ready ? 0 : -ENODEV;
}

static int undo_pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	void *sv = klp_shadow_alloc(&klp_sim_knobs[SV_A], SV_A, 8, GFP_KERNEL, NULL, NULL);
	void *buf;

	if (!sv)
		return -ENOMEM;
	buf = kzalloc(16, GFP_KERNEL);
	if (!buf) {
		klp_shadow_free(&klp_sim_knobs[SV_A], SV_A, NULL);
		return -ENOMEM;
	}
	if (!ready) {
		kfree(buf);
		klp_shadow_free(&klp_sim_knobs[SV_A], SV_A, NULL);
		return -ENODEV;
	}
	if (0)
		return -EINVAL;
	kfree(buf);
	return 0;
}

static int unknown_pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	void *mine = my_kzalloc(8);
	void *sv;

	if (!mine)
		return -ENOMEM;
	sv = klp_shadow_alloc(&klp_sim_knobs[SV_B], SV_B, 8, GFP_KERNEL, NULL, NULL);
	if (!sv)
		return -ENOMEM;
	/* "return -EINVAL;" right after klp_shadow_alloc() is a comment */
	return check_ready();
}

static void leaky_post_patch(struct klp_patch *patch, struct klp_state *state)
{
	klp_shadow_alloc(&klp_sim_knobs[SV_B], SV_B, 8, GFP_KERNEL, NULL, NULL);
}

static int leaky_helper(struct klp_patch *patch, struct klp_state *state)
{
	klp_sim_knobs[5] = 1;
	return -EINVAL;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };

static struct klp_state states[] = {
	{ .id = SV_A, .is_shadow = true, .callbacks = { .pre_patch = undo_pre_patch } },
	{ .id = SV_B, .is_shadow = true, .callbacks = { .pre_patch = unknown_pre_patch, .post_patch = leaky_post_patch } },
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static int livepatch_init(void)
{
	klp_sim_knobs[6] = 1;
	if (!ready && leaky_helper(&patch, &states[0]))
		return klp_enable_patch(&patch);
	return klp_enable_patch(&patch);
}

static void livepatch_exit(void)
{
}

module_init(livepatch_init);
module_exit(livepatch_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
// SPDX-License-Identifier: GPL-2.0-only
