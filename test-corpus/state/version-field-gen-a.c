// Generation A, judged by its own kernel (docs/semantics.md#rules-generation-a
// ): versions work there as meant. Each state that sets
// one gets a note: the kernel refuses a patch that carries the id with a
// lower version (-EINVAL, also without replace), and v1 has no versions, so
// a migration uses block_disable. Comparing versions is what A code does:
// reads get nothing. With --target-api=v1 every use is a warning.
// RUN: %klp-lint --checks=-*,state-version-field %s -- %api-a -Xclang -verify=klp
// RUN: %klp-lint --checks=-*,state-version-field --target-api=v1 %s -- %api-a -Xclang -verify=v1

#include <linux/livepatch.h>
#include <linux/module.h>

#define CONSOLE_LOGLEVEL_STATE 1
#define CONSOLE_LOGLEVEL_STATE_VERSION 3

static struct klp_patch patch;

static int pre_patch_callback(struct klp_object *obj)
{
	struct klp_state *prev = klp_get_prev_state(CONSOLE_LOGLEVEL_STATE);

	return prev && prev->version > 3 ? -EINVAL : 0; // v1-warning {{read of the version of a state: v1 removes state versions}}
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = {
	{ .funcs = funcs, .callbacks = { .pre_patch = pre_patch_callback } },
	{}
};

static struct klp_state states[] = {
	{
		.id = CONSOLE_LOGLEVEL_STATE,
		.version = CONSOLE_LOGLEVEL_STATE_VERSION, // klp-note {{state 'CONSOLE_LOGLEVEL_STATE' (1) has version 3: on this kernel a patch that carries id 1 with a lower version is refused with -EINVAL, also without replace; v1 removes versions, so a downgrade is then accepted: a migration keeps the state from being removed with block_disable instead [state-version-field]}} v1-warning {{state 'CONSOLE_LOGLEVEL_STATE' (1) sets a version}}
	},
	{ 2, 0 }, // klp-note {{state 2 has version 0: version 0 refuses no patch on this kernel; v1 removes versions}} v1-warning {{state 2 sets a version}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
	.replace = true,
};
// SPDX-License-Identifier: GPL-2.0-only
