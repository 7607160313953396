// callbacks-module-local-init, silent: the module's init sets the variable
// too (the take-over work is where it belongs), a variable only the
// state's own callbacks read (its pre_unpatch), one that only the module's
// exit reads, and a pre_patch that sets nothing but a kernel variable.
// RUN: %klp-lint --checks=-*,callbacks-module-local-init %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

extern int klp_sim_knobs[];

static bool fix_active;
static int saved_knob;
static bool hooked;

static int livepatch_cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_printf(m, "fix %s\n", fix_active ? "on" : "off");
	return 0;
}

static int knob_pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	klp_sim_knobs[2] = 1;
	return 0;
}

static void fix_post_patch(struct klp_patch *patch, struct klp_state *state)
{
	fix_active = true;
	saved_knob = klp_sim_knobs[1];
	hooked = true;
}

static void fix_pre_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	klp_sim_knobs[1] = saved_knob;
}

static struct klp_func funcs[] = {
	{ .old_name = "cmdline_proc_show", .new_func = livepatch_cmdline_proc_show }, { }
};
static struct klp_object objs[] = { { .funcs = funcs }, { } };

static struct klp_state states[] = {
	{ .id = 93, .callbacks = { .pre_patch = knob_pre_patch, .post_patch = fix_post_patch, .pre_unpatch = fix_pre_unpatch } },
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static int livepatch_init(void)
{
	fix_active = true;
	return klp_enable_patch(&patch);
}

static void livepatch_exit(void)
{
	if (hooked)
		pr_info("%s: was hooked\n", __func__);
}

module_init(livepatch_init);
module_exit(livepatch_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");

// PROOF: show fix_active in /proc/cmdline
// SPDX-License-Identifier: GPL-2.0-only
