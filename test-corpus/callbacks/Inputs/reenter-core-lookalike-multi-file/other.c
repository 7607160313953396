/* A second patch with a kick() of its own (reenter-core-lookalike-multi-file.c). */
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

static int other_meminfo_proc_show(struct seq_file *m, void *v)
{
	seq_puts(m, "MemTotal: 0 kB\n");
	return 0;
}

static struct klp_func other_funcs[] = {
	{ .old_name = "meminfo_proc_show", .new_func = other_meminfo_proc_show }, { }
};
static struct klp_object other_objs[] = { { .funcs = other_funcs }, { } };

static struct klp_patch other = {
	.mod = THIS_MODULE,
	.objs = other_objs,
};

static int kick(void)
{
	return klp_enable_patch(&other);
}

/* For a later module init; no callback calls it. */
int other_start(void)
{
	return kick();
}
// SPDX-License-Identifier: GPL-2.0-only
