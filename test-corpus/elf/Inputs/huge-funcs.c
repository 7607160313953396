/*
 * One object whose funcs[] has 20000 entries: more than a model reads
 * (16384 array entries), so the model stops there and says so.
 */
#include <linux/livepatch.h>
#include <linux/module.h>

static int livepatch_new_func(void)
{
	return 1;
}

static struct klp_func funcs[20001] = {
	[0 ... 19999] = { .old_name = "patched_func",
			  .new_func = livepatch_new_func },
};

static struct klp_object objs[] = {
	{ .name = "target_mod", .funcs = funcs },
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

int livepatch_init(void)
{
	return klp_enable_patch(&patch);
}
// SPDX-License-Identifier: GPL-2.0-only
