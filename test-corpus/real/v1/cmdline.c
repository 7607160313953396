// SPDX-License-Identifier: GPL-2.0-only
/*
 * cmdline.c - the simplest livepatch: /proc/cmdline shows a fixed text
 * instead of the kernel command line, through a new cmdline_proc_show().
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

static int livepatch_cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s: %s\n", THIS_MODULE->name,
		   "this has been live patched");
	return 0;
}

static struct klp_func funcs[] = {
	{
		.old_name = "cmdline_proc_show",
		.new_func = livepatch_cmdline_proc_show,
	},
	{ }
};

static struct klp_object objs[] = {
	{
		/* name being NULL means vmlinux */
		.funcs = funcs,
	},
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static int cmdline_livepatch_init(void)
{
	return klp_enable_patch(&patch);
}

static void cmdline_livepatch_exit(void)
{
}

module_init(cmdline_livepatch_init);
module_exit(cmdline_livepatch_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
MODULE_DESCRIPTION("Real-style livepatch of /proc/cmdline");
