// Look-alikes that must stay silent: an initializer that leaves the flag
// false (what the core starts from), reading it, and members with the same
// names in the module's own struct.
// RUN: %klp-lint --checks=-*,state-internal-field-set %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

struct lp_progress {
	bool pre_patch_succeeded;
	bool setup_succeeded;
	bool post_unpatch_enabled;
};

static struct lp_progress progress = { .pre_patch_succeeded = true };

static int setup(struct klp_patch *patch, struct klp_state *state)
{
	progress.setup_succeeded = true;
	progress.post_unpatch_enabled = state->callbacks.pre_patch_succeeded;
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = 1, .callbacks = { .pre_patch = setup, .pre_patch_succeeded = false } },
	{ .id = 2, .callbacks = { setup, NULL, NULL, NULL, NULL, 0 } },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
