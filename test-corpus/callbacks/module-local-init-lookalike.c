// callbacks-module-local-init look-alikes that must stay silent: the
// replacement function reads a local variable with the variable's name and
// a member of the same name; a post_unpatch and a function that is no
// state's callback write module variables the replacement reads; and the
// assignment is in a comment.
// RUN: %klp-lint --checks=-*,callbacks-module-local-init %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

struct settings {
	bool fix_active;
};

static bool fix_active;
static struct settings settings;
static int generation;

static int livepatch_cmdline_proc_show(struct seq_file *m, void *v)
{
	bool fix_active = settings.fix_active;

	seq_printf(m, "fix %s, generation %d\n", fix_active ? "on" : "off", generation);
	return 0;
}

static void fix_post_patch(struct klp_patch *patch, struct klp_state *state)
{
	struct settings local = { .fix_active = true };

	local.fix_active = !local.fix_active;
	/* fix_active = true; is what a post_patch must not do alone */
}

static void fix_post_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	settings.fix_active = false;
	fix_active = false;
}

void bump_generation(void)
{
	generation++;
}

static struct klp_func funcs[] = {
	{ .old_name = "cmdline_proc_show", .new_func = livepatch_cmdline_proc_show }, { }
};
static struct klp_object objs[] = { { .funcs = funcs }, { } };

static struct klp_state states[] = {
	{ .id = 94, .callbacks = { .post_patch = fix_post_patch, .post_unpatch = fix_post_unpatch } },
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// PROOF: show fix_active in /proc/cmdline
// SPDX-License-Identifier: GPL-2.0-only
