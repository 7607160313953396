// state-missing-disable-callbacks under generation B (POC) headers, whose
// per-state callbacks are setup/enable/disable/release (docs/semantics.md#generation-b); the roles are
// those of C's pre_patch/post_patch/pre_unpatch/post_unpatch (docs/semantics.md#role-mapping). The check
// applies to B (docs/semantics.md#rules, gens B, C) and its message uses the B names. A state
// with disable or release, or with block_disable true, is silent.
// RUN: %klp-lint --checks=-*,state-missing-disable-callbacks %s -- %api-b -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

#define ST_B_SETUP 0x40
#define ST_B_ENABLE 0x41
#define ST_B_DISABLE 0x42
#define ST_B_RELEASE 0x43
#define ST_B_BLOCKED 0x44
#define ST_B_NULL_RELEASE 0x45

static int b_value;

static int b_setup(struct klp_patch *patch, struct klp_state *state)
{
	b_value = 1;
	return 0;
}

static void b_enable(struct klp_patch *patch, struct klp_state *state)
{
	b_value = 2;
}

static void b_disable(struct klp_patch *patch, struct klp_state *state)
{
	b_value = 1;
}

static void b_release(struct klp_patch *patch, struct klp_state *state)
{
	b_value = 0;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = ST_B_SETUP, .callbacks = { .setup = b_setup } }, // klp-warning {{state 'ST_B_SETUP' (64) has a setup callback but neither disable nor release and no block_disable; its change is not undone when the patch is disabled or replaced by a patch without it [state-missing-disable-callbacks]}}
	{ .id = ST_B_ENABLE, .callbacks = { .enable = b_enable } }, // klp-warning-re {{state 'ST_B_ENABLE' (65) has a{{n?}} enable callback but neither disable nor release and no block_disable}}
	{ .id = ST_B_DISABLE, .callbacks = { .setup = b_setup, .enable = b_enable, .disable = b_disable } },
	{ .id = ST_B_RELEASE, .callbacks = { .setup = b_setup, .release = b_release } },
	{ .id = ST_B_BLOCKED, .callbacks = { .enable = b_enable }, .block_disable = true },
	{ .id = ST_B_NULL_RELEASE, .callbacks = { .setup = b_setup, .release = NULL }, .data = &b_value }, // klp-warning {{state 'ST_B_NULL_RELEASE' (69) has a setup callback but neither disable nor release and no block_disable}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
