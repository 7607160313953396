/* The livepatch's state and callbacks (reenter-core-multi-file.c). */
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

#define GUARD_STATE 70

int enable_fallback(void);

static int livepatch_cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_puts(m, "guarded\n");
	return 0;
}

static void guard_pre_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	enable_fallback();
}

static struct klp_func funcs[] = {
	{ .old_name = "cmdline_proc_show", .new_func = livepatch_cmdline_proc_show }, { }
};
static struct klp_object objs[] = { { .funcs = funcs }, { } };
static struct klp_state states[] = {
	{ .id = GUARD_STATE, .callbacks = { .pre_unpatch = guard_pre_unpatch } },
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
