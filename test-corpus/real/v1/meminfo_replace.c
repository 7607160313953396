// SPDX-License-Identifier: GPL-2.0-only
/*
 * meminfo_replace.c - a livepatch of /proc/meminfo that may be an atomic
 * replace: with replace=1 it also undoes every other livepatch.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

static bool replace;
module_param(replace, bool, 0644);
MODULE_PARM_DESC(replace, "Replace all other livepatches (default: false)");

static int livepatch_meminfo_proc_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s: %s\n", THIS_MODULE->name,
		   "this has been live patched");
	return 0;
}

static struct klp_func funcs[] = {
	{
		.old_name = "meminfo_proc_show",
		.new_func = livepatch_meminfo_proc_show,
	},
	{ }
};

static struct klp_object objs[] = {
	{
		.funcs = funcs,
	},
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	/* .replace is set from the parameter at init. */
};

static int meminfo_replace_init(void)
{
	patch.replace = replace;
	return klp_enable_patch(&patch);
}

static void meminfo_replace_exit(void)
{
}

module_init(meminfo_replace_init);
module_exit(meminfo_replace_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
MODULE_DESCRIPTION("Real-style livepatch of /proc/meminfo, optionally an atomic replace");
