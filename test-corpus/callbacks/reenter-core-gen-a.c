// callbacks-reenter-core under generation A headers: a per-object
// pre_patch enables the module's second patch. The legacy core runs
// per-object callbacks under klp_mutex as well (klp-sim-a reports the
// recursive locking); the teardown callbacks are fine.
// RUN: %klp-lint --checks=-*,callbacks-reenter-core %s -- %api-a -Xclang -verify=klp 2>&1 | FileCheck %s --check-prefix=EXIT --implicit-check-not=-verify
// EXIT: {{^}}0 warnings, 1 error in 1 file

#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

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

static struct klp_func more_funcs[] = {
	{ .old_name = "meminfo_proc_show", .new_func = livepatch_meminfo_proc_show }, { }
};
static struct klp_object more_objs[] = { { .funcs = more_funcs }, { } };
static struct klp_patch more = { .mod = THIS_MODULE, .objs = more_objs };

static int vmlinux_pre_patch(struct klp_object *obj)
{
	return klp_enable_patch(&more); // klp-error {{klp_enable_patch() is called from the per-object pre_patch callback 'vmlinux_pre_patch'; the core runs that callback with klp_mutex held and klp_enable_patch() takes klp_mutex again: the kernel deadlocks}}
}

static void vmlinux_post_unpatch(struct klp_object *obj)
{
	pr_info("%s\n", __func__);
}

static struct klp_func funcs[] = {
	{ .old_name = "cmdline_proc_show", .new_func = livepatch_cmdline_proc_show }, { }
};

static struct klp_object objs[] = {
	{
		.funcs = funcs,
		.callbacks = {
			.pre_patch = vmlinux_pre_patch,
			.post_unpatch = vmlinux_post_unpatch,
		},
	}, { }
};

static struct klp_patch patch = { .mod = THIS_MODULE, .objs = objs };

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
