/* The fallback patch, enabled when the main one goes (reenter-core-multi-file.c). */
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

static int fallback_meminfo_proc_show(struct seq_file *m, void *v)
{
	seq_puts(m, "MemTotal: 0 kB\n");
	return 0;
}

static struct klp_func fallback_funcs[] = {
	{ .old_name = "meminfo_proc_show", .new_func = fallback_meminfo_proc_show }, { }
};
static struct klp_object fallback_objs[] = { { .funcs = fallback_funcs }, { } };

static struct klp_patch fallback = {
	.mod = THIS_MODULE,
	.objs = fallback_objs,
};

int enable_fallback(void)
{
	int ret;

	ret = klp_enable_patch(&fallback);
	return ret;
}
// SPDX-License-Identifier: GPL-2.0-only
