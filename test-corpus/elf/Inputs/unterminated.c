/*
 * patch-array-unterminated: funcs[], objs[] and states[] sized to their
 * entries, with no terminating entry; the core's walks run past them.
 */
#include <linux/livepatch.h>
#include <linux/module.h>

static int livepatch_new_func(void)
{
	return 1;
}

static struct klp_func funcs[1] = {
	{ .old_name = "patched_func", .new_func = livepatch_new_func },
};

static struct klp_object objs[1] = {
	{ .name = "target_mod", .funcs = funcs },
};

static struct klp_state states[1] = {
	{ .id = 5, .is_shadow = true },
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

int livepatch_init(void)
{
	return klp_enable_patch(&patch);
}
// SPDX-License-Identifier: GPL-2.0-only
