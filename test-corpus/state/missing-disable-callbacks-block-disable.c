// block_disable as the alternative to a teardown callback. docs/semantics.md#rules
// state-missing-disable-callbacks flags a state with a setup callback and no
// pre_unpatch/post_unpatch that "does not have block_disable set to a true
// constant"; with block_disable true the disable fails with -EINVAL instead
// (DER-4). `.block_disable = false` (or 0) is the same as leaving it out and
// is flagged; `true`, `1` and other true constant expressions silence it. A
// value assigned at run time from a variable is not a constant and does not
// silence it.
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

#define ST_BLOCK_FALSE 0x20
#define ST_BLOCK_ZERO 0x21
#define ST_BLOCK_TRUE 0x22
#define ST_BLOCK_ONE 0x23
#define ST_BLOCK_EXPR 0x24
#define ST_BLOCK_RUNTIME 0x25

#define KEEP_FOREVER 1

static int mode;
static bool keep_loaded = true;

static int mode_on(struct klp_patch *patch, struct klp_state *state)
{
	mode = 1;
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ // klp-warning {{state 'ST_BLOCK_FALSE' (32) has a pre_patch callback but neither pre_unpatch nor post_unpatch and no block_disable}}
		.id = ST_BLOCK_FALSE,
		.callbacks.pre_patch = mode_on,
		.block_disable = false,
	},
	{ .id = ST_BLOCK_ZERO, .callbacks.pre_patch = mode_on, .block_disable = 0 }, // klp-warning {{state 'ST_BLOCK_ZERO' (33) has a pre_patch callback but neither pre_unpatch nor post_unpatch and no block_disable}}
	{
		.id = ST_BLOCK_TRUE,
		.callbacks.pre_patch = mode_on,
		.block_disable = true,
	},
	{ .id = ST_BLOCK_ONE, .callbacks.pre_patch = mode_on, .block_disable = 1 },
	{ .id = ST_BLOCK_EXPR, .callbacks.pre_patch = mode_on, .block_disable = KEEP_FOREVER == 1 },
	{ .id = ST_BLOCK_RUNTIME, .callbacks.pre_patch = mode_on }, // klp-warning {{state 'ST_BLOCK_RUNTIME' (37) has a pre_patch callback but neither pre_unpatch nor post_unpatch and no block_disable}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static int livepatch_init(void)
{
	states[5].block_disable = keep_loaded;
	return klp_enable_patch(&patch);
}

module_init(livepatch_init);

// Proof of findings (kernel-support/tests/proof/run-proof.py): the states
// with block_disable (ST_BLOCK_RUNTIME gets it at run time) refuse the
// disable (DER-4) and a replace without them (docs/semantics.md#enabling step 3). The replacement
// keeps them, lifting the block, and drops the others.
// PROOF: replacement keeps 0x22, 0x23, 0x24, 0x25
// PROOF: unshown 0x25: module init sets its block_disable from keep_loaded (true), so it cannot be removed without a successor that keeps it; a value set at run time is not a constant the check can rely on
// SPDX-License-Identifier: GPL-2.0-only
