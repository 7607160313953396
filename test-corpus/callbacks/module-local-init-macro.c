// callbacks-module-local-init through the module's own macros: the write
// and the read of the variable are both hidden in macros, and the patch is
// an atomic replace (the ST-2 hand-over: a newer module with the same
// state replaces this one and runs neither callback for it). The state id
// is an enumerator computed from another.
// RUN: %klp-lint --checks=-*,callbacks-module-local-init %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

enum { READY_GROUP = 5, READY_STATE = (READY_GROUP << 4) | 0xf }; /* 95 */
#define MARK_READY() (ready_count += 1)
#define IS_READY() (ready_count > 0)

static int ready_count;

static int livepatch_cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s\n", IS_READY() ? "ready" : "not ready"); // klp-note {{'livepatch_cmdline_proc_show' reads 'ready_count' here}}
	return 0;
}

static int ready_pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	MARK_READY(); // klp-warning {{the pre_patch callback 'ready_pre_patch' of state 'READY_STATE' (95) sets 'ready_count', which 'livepatch_cmdline_proc_show' reads}}
	return 0;
}

static void ready_post_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	ready_count = 0;
}

static struct klp_func funcs[] = {
	{ .old_name = "cmdline_proc_show", .new_func = livepatch_cmdline_proc_show }, { }
};
static struct klp_object objs[] = { { .funcs = funcs }, { } };

static struct klp_state states[] = {
	{ .id = READY_STATE, .callbacks = { .pre_patch = ready_pre_patch, .post_unpatch = ready_post_unpatch } },
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
	.replace = true,
};

// PROOF: show ready_count in /proc/cmdline
// SPDX-License-Identifier: GPL-2.0-only
