// The same look-alike as per-object-state-callbacks.c under generation B
// (POC) headers: struct klp_state carries `.callbacks` with the B role names
// setup/enable/disable/release (docs/semantics.md#generation-b), and struct klp_object has no
// callbacks at all. callbacks-per-object must stay silent (docs/semantics.md#rules: "Must not
// flag .callbacks in struct klp_state initializers (B/C)"). Every state has
// a teardown, so state-missing-disable-callbacks is silent too.
// RUN: %klp-lint --checks=-*,callbacks-per-object %s -- %api-b -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

enum { STATE_QUOTA = 21, STATE_TRACE = 22, STATE_LOCK = 23 };

static int quota;

static int quota_setup(struct klp_patch *patch, struct klp_state *state)
{
	quota = 10;
	return 0;
}

static void quota_enable(struct klp_patch *patch, struct klp_state *state)
{
	quota = 20;
}

static void quota_disable(struct klp_patch *patch, struct klp_state *state)
{
	quota = 10;
}

static void quota_release(struct klp_patch *patch, struct klp_state *state)
{
	quota = 0;
}

static struct klp_func funcs[] = { { .old_name = "dquot_transfer" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{
		.id = STATE_QUOTA,
		.callbacks = {
			.setup = quota_setup,
			.enable = quota_enable,
			.disable = quota_disable,
			.release = quota_release,
		},
	},
	{ .id = STATE_TRACE, .callbacks.enable = quota_enable, .callbacks.release = quota_release },
	{ STATE_LOCK, { quota_setup, NULL, NULL, quota_release, NULL }, false, false, NULL },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
