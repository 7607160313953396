// patch-array-unterminated look-alikes under generation A headers that must
// stay silent: a funcs[] of written size with room left after its entries
// (the rest are zero), a terminator written through nested macros of the
// module's own, a compound literal that ends in { }, arrays attached by
// assignment in the module's init (&array[0] and the array itself), and an
// array of the module's own struct named funcs, without any terminator
// (a cast of it to the patch's objs is only in a comment). objs[] is filled
// at run time, which the check does not judge. The legacy core walks them
// all without reading past any array.
// RUN: %klp-lint --checks=-*,patch-array-unterminated %s -- %api-a -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

#define END_OF(kind) { }
#define FUNCS_END END_OF(func)

static int livepatch_cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_puts(m, "patched\n");
	return 0;
}

static int livepatch_meminfo_proc_show(struct seq_file *m, void *v)
{
	seq_puts(m, "MemTotal: 0 kB\n");
	return 0;
}

struct func_desc {
	const char *old_name;
	void *new_func;
};

/* The module's own table, named like a klp_func array: not the core's. */
static struct func_desc funcs[] = {
	{ "cmdline_proc_show", livepatch_cmdline_proc_show },
};

static struct klp_func cmdline_funcs[2] = {
	{ .old_name = "cmdline_proc_show", .new_func = livepatch_cmdline_proc_show },
};

static struct klp_func meminfo_funcs[] = {
	{ .old_name = "meminfo_proc_show", .new_func = livepatch_meminfo_proc_show },
	FUNCS_END
};

static struct klp_object objs[3];

static struct klp_patch patch = {
	.mod = THIS_MODULE,
};

static int livepatch_init(void)
{
	objs[0].funcs = &cmdline_funcs[0];
	objs[1].funcs = meminfo_funcs;
	patch.objs = objs;
	/* patch.objs = (struct klp_object *)funcs; would be wrong */
	pr_info("%s: %zu own descriptions\n", __func__, sizeof(funcs) / sizeof(funcs[0]));
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
