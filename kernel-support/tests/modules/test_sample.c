// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_sample.c - a livepatch written the way the kernel's samples are:
 * it replaces a vmlinux function that shows a /proc file, keeps a per-object
 * counter in a shadow variable, and logs with pr_info().  It must compile
 * unchanged against kernel-support/include and load into klp-sim, where
 * the vmlinux function is a phantom.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#define SAMPLE_COUNTER_ID	1

static int sample_counter_ctor(void *obj, void *shadow_data, void *ctor_data)
{
	int *counter = shadow_data;

	(void)obj;
	*counter = *(int *)ctor_data;
	return 0;
}

/* The replacement of cmdline_proc_show(): the same prototype. */
static int livepatch_cmdline_proc_show(struct seq_file *m, void *v)
{
	int start = 0;
	int *shows = klp_shadow_get_or_alloc(m, SAMPLE_COUNTER_ID,
					     sizeof(*shows), GFP_KERNEL,
					     sample_counter_ctor, &start);

	(void)v;
	if (shows)
		(*shows)++;
	seq_printf(m, "%s\n", "this has been live patched");
	return 0;
}

static struct klp_func funcs[] = {
	{
		.old_name = "cmdline_proc_show",
		.new_func = livepatch_cmdline_proc_show,
	}, { }
};

static struct klp_object objs[] = {
	{
		/* name being NULL means vmlinux */
		.funcs = funcs,
	}, { }
};

static struct klp_state states[] = {
	{
		.id = SAMPLE_COUNTER_ID,
		.is_shadow = true,
	}, { }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static int livepatch_init(void)
{
	pr_info("enabling the sample patch\n");
	return klp_enable_patch(&patch);
}

static void livepatch_exit(void)
{
	pr_info("sample patch removed\n");
}

module_init(livepatch_init);
module_exit(livepatch_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
