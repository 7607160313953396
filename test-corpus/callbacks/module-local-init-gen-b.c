// callbacks-module-local-init under generation B headers: the POC's enable
// callback (post_patch's role) sets the variable the replacement reads,
// and the message uses the POC's names.
// RUN: %klp-lint --checks=-*,callbacks-module-local-init %s -- %api-b -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

static int level;

static int livepatch_cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_printf(m, "level %d\n", level); // klp-note {{'livepatch_cmdline_proc_show' reads 'level' here}}
	return 0;
}

static void enable_level(struct klp_patch *patch, struct klp_state *state)
{
	level = 3; // klp-warning {{the enable callback 'enable_level' of state 5 sets 'level', which 'livepatch_cmdline_proc_show' reads; when a later patch takes the state over, the core runs neither its setup nor its enable}}
}

static void disable_level(struct klp_patch *patch, struct klp_state *state)
{
	level = 0;
}

static struct klp_func funcs[] = {
	{ .old_name = "cmdline_proc_show", .new_func = livepatch_cmdline_proc_show }, { }
};
static struct klp_object objs[] = { { .funcs = funcs }, { } };

static struct klp_state states[] = {
	{ .id = 5, .callbacks = { .enable = enable_level, .disable = disable_level } },
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
