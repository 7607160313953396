// SPDX-License-Identifier: GPL-2.0-only
/*
 * state.c - a cumulative livepatch that changes a system setting.
 *
 * State 1 raises console_loglevel while the patch is in effect.  pre_patch
 * saves room for the old value in a shadow variable of console_loglevel,
 * post_patch saves it and raises the level, pre_unpatch restores it, and
 * the core frees the variable (is_shadow).  Every build of this source is
 * an atomic replace carrying the same state, so a newer build takes the
 * setting over without running any callback.  "state_block_disable" marks
 * the state as one that cannot be disabled; "no_state" drops it, which an
 * installed block_disable state refuses.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/slab.h>

#define LOGLEVEL_STATE_ID	1

static int *saved_loglevel(void)
{
	return klp_shadow_get(&console_loglevel, LOGLEVEL_STATE_ID);
}

static int allocate_loglevel_state(void)
{
	int *saved;

	saved = klp_shadow_alloc(&console_loglevel, LOGLEVEL_STATE_ID,
				 sizeof(*saved), GFP_KERNEL, NULL, NULL);
	if (!saved) {
		pr_err("%s: cannot keep the old console_loglevel\n", __func__);
		return -ENOMEM;
	}
	pr_info("%s: allocating space to store console_loglevel\n", __func__);
	return 0;
}

static void fix_console_loglevel(void)
{
	int *saved = saved_loglevel();

	if (!saved)
		return;
	pr_info("%s: fixing console_loglevel\n", __func__);
	*saved = console_loglevel;
	console_loglevel = CONSOLE_LOGLEVEL_MOTORMOUTH;
}

static void restore_console_loglevel(void)
{
	int *saved = saved_loglevel();

	if (!saved)
		return;
	pr_info("%s: restoring console_loglevel\n", __func__);
	console_loglevel = *saved;
}

static int pre_patch_callback(struct klp_patch *patch, struct klp_state *state)
{
	pr_info("%s: state %lu\n", __func__, state->id);
	return allocate_loglevel_state();
}

static void post_patch_callback(struct klp_patch *patch, struct klp_state *state)
{
	pr_info("%s: state %lu\n", __func__, state->id);
	fix_console_loglevel();
}

static void pre_unpatch_callback(struct klp_patch *patch, struct klp_state *state)
{
	pr_info("%s: state %lu\n", __func__, state->id);
	restore_console_loglevel();
}

/* Only shows when it runs: the core frees the variable itself. */
static void post_unpatch_callback(struct klp_patch *patch, struct klp_state *state)
{
	pr_info("%s: state %lu (nope)\n", __func__, state->id);
}

static void shadow_conosle_loglevel_dtor(void *obj, void *shadow_data)
{
	pr_info("%s: freeing space for the stored console_loglevel\n",
		__func__);
}

/* The patch changes no function, only the setting. */
static struct klp_func no_funcs[] = {
	{ }
};

static struct klp_object objs[] = {
	{
		.name = NULL,	/* vmlinux */
		.funcs = no_funcs,
	},
	{ }
};

static struct klp_state states[] = {
	{
		.id = LOGLEVEL_STATE_ID,
		.is_shadow = true,
		.callbacks = {
			.pre_patch = pre_patch_callback,
			.post_patch = post_patch_callback,
			.pre_unpatch = pre_unpatch_callback,
			.post_unpatch = post_unpatch_callback,
			.shadow_dtor = shadow_conosle_loglevel_dtor,
		},
	},
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
	.replace = true,
};

static bool state_block_disable;
module_param(state_block_disable, bool, 0600);
MODULE_PARM_DESC(state_block_disable, "The state cannot be disabled (default: 0)");

static bool no_state;
module_param(no_state, bool, 0600);
MODULE_PARM_DESC(no_state, "Leave the state out (default: 0)");

static int state_livepatch_init(void)
{
	states[0].block_disable = state_block_disable;
	if (no_state)
		patch.states = NULL;
	return klp_enable_patch(&patch);
}

static void state_livepatch_exit(void)
{
}

module_init(state_livepatch_init);
module_exit(state_livepatch_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
MODULE_DESCRIPTION("Real-style livepatch: a system state taken over by cumulative patches");
