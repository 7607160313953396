// A patch that presets pre_patch_succeeded, the core's own record that a
// state passed its pre_patch step: when an earlier state's pre_patch fails,
// the cancel runs this state's post_unpatch and frees its shadow variables
// although its pre_patch never ran (a variant of DER-7,
// docs/semantics.md#rule-state-internal-field-set).
// RUN: %klp-lint --checks=-*,state-internal-field-set %s -- %api-c -Xclang -verify=klp

#include <linux/errno.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define NET_STATE 10
#define FS_STATE 11
#define LOG_STATE 12

static int net_setup(struct klp_patch *patch, struct klp_state *state)
{
	return 0;
}

static void net_teardown(struct klp_patch *patch, struct klp_state *state)
{
}

static int fs_setup(struct klp_patch *patch, struct klp_state *state)
{
	return -ENODEV; /* the file system is not there */
}

static int log_setup(struct klp_patch *patch, struct klp_state *state)
{
	return 0;
}

static void log_teardown(struct klp_patch *patch, struct klp_state *state)
{
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = NET_STATE, .callbacks = { .pre_patch = net_setup, .post_unpatch = net_teardown } },
	{ .id = FS_STATE, .callbacks = { .pre_patch = fs_setup } },
	{
		.id = LOG_STATE,
		.callbacks = {
			.pre_patch = log_setup,
			.post_unpatch = log_teardown,
			.pre_patch_succeeded = true, // klp-error {{'pre_patch_succeeded' is preset: the core records in it that state 'LOG_STATE' (12)'s pre_patch step passed and runs post_unpatch and the shadow free only then; set by the patch, a failed pre_patch of an earlier state makes the core run state 'LOG_STATE' (12)'s post_unpatch and free its shadow variables although its own pre_patch never ran [state-internal-field-set]}}
		},
	},
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// Proof of findings (kernel-support/tests/proof/run-proof.py): the enable
// fails at FS_STATE, and the cancel runs log_teardown for LOG_STATE,
// whose pre_patch never ran.
// PROOF: enable fails
// SPDX-License-Identifier: GPL-2.0-only
