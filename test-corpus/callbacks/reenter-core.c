// callbacks-reenter-core (docs/semantics.md#rule-callbacks-reenter-core):
// the state's post_patch enables a second patch of the module through a
// helper. The core runs post_patch with klp_mutex held (it completes the
// transition under it), and klp_enable_patch() takes klp_mutex first: the
// kernel deadlocks there, and the reference klp_mutex reports the recursive
// locking. The module's init calls klp_enable_patch() too, where it
// belongs, which is not reported.
// RUN: %klp-lint --checks=-*,callbacks-reenter-core %s -- %api-c -Xclang -verify=klp 2>&1 | FileCheck %s --check-prefix=EXIT --implicit-check-not=-verify
// EXIT: {{^}}0 warnings, 1 error in 1 file

#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

#define CHAIN_STATE 60

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

static struct klp_func funcs[] = {
	{ .old_name = "cmdline_proc_show", .new_func = livepatch_cmdline_proc_show }, { }
};
static struct klp_object objs[] = { { .funcs = funcs }, { } };
static struct klp_func more_funcs[] = {
	{ .old_name = "meminfo_proc_show", .new_func = livepatch_meminfo_proc_show }, { }
};
static struct klp_object more_objs[] = { { .funcs = more_funcs }, { } };

static struct klp_patch more = {
	.mod = THIS_MODULE,
	.objs = more_objs,
};

static void enable_more(void)
{
	if (klp_enable_patch(&more)) // klp-error {{klp_enable_patch() is called from the post_patch callback 'chain_post_patch' of state 'CHAIN_STATE' (60) (in 'enable_more'); the core runs that callback with klp_mutex held and klp_enable_patch() takes klp_mutex again: the kernel deadlocks [callbacks-reenter-core]}}
		pr_warn("%s: second patch not enabled\n", __func__);
}

static void chain_post_patch(struct klp_patch *patch, struct klp_state *state) // klp-note {{'chain_post_patch' reaches 'enable_more'}}
{
	enable_more();
}

static void chain_pre_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	pr_info("%s\n", __func__);
}

static struct klp_state states[] = {
	{ .id = CHAIN_STATE, .callbacks = { .post_patch = chain_post_patch, .pre_unpatch = chain_pre_unpatch } },
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
