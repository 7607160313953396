/* The state and its callbacks (module-local-init-multi-file.c). */
#include <linux/livepatch.h>
#include <linux/module.h>

#define MODE_STATE 92

extern int fix_mode;
extern struct klp_func fix_funcs[];

static void mode_post_patch(struct klp_patch *patch, struct klp_state *state)
{
	pr_info("%s\n", __func__);
	fix_mode = 2;
}

static void mode_pre_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	fix_mode = 0;
}

static struct klp_object objs[] = { { .funcs = fix_funcs }, { } };

static struct klp_state states[] = {
	{ .id = MODE_STATE, .callbacks = { .post_patch = mode_post_patch, .pre_unpatch = mode_pre_unpatch } },
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
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
// SPDX-License-Identifier: GPL-2.0-only
