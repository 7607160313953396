// Which callback combinations state-missing-disable-callbacks (docs/semantics.md#rules) flags.
// Only a setup (pre_patch or post_patch) without any teardown (pre_unpatch
// or post_unpatch) is flagged. A state with only a teardown, with either
// teardown alongside a setup, with only a shadow_dtor, or with no callbacks
// at all changes nothing that stays behind and is silent. A post_patch
// alone is a setup too; the message then names post_patch.
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

enum {
	ST_ONLY_PRE_UNPATCH = 1,
	ST_ONLY_POST_UNPATCH,
	ST_PRE_AND_PRE_UNPATCH,
	ST_POST_AND_POST_UNPATCH,
	ST_DTOR_ONLY,
	ST_NO_CALLBACKS,
	ST_ONLY_POST_PATCH,
	ST_BOTH_SETUPS,
};

static int level;

static int raise_level(struct klp_patch *patch, struct klp_state *state)
{
	level = 1;
	return 0;
}

static void show_level(struct klp_patch *patch, struct klp_state *state)
{
	level = 2;
}

static void drop_level(struct klp_patch *patch, struct klp_state *state)
{
	level = 0;
}

static void free_extra(void *obj, void *shadow_data)
{
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = ST_ONLY_PRE_UNPATCH, .callbacks.pre_unpatch = drop_level },
	{ .id = ST_ONLY_POST_UNPATCH, .callbacks.post_unpatch = drop_level },
	{ .id = ST_PRE_AND_PRE_UNPATCH, .callbacks = { .pre_patch = raise_level, .pre_unpatch = drop_level } },
	{ .id = ST_POST_AND_POST_UNPATCH, .callbacks = { .post_patch = show_level, .post_unpatch = drop_level } },
	{ .id = ST_DTOR_ONLY, .callbacks.shadow_dtor = free_extra },
	{ .id = ST_NO_CALLBACKS },
	{ .id = ST_ONLY_POST_PATCH, .callbacks.post_patch = show_level }, // klp-warning {{state 'ST_ONLY_POST_PATCH' (7) has a post_patch callback but neither pre_unpatch nor post_unpatch and no block_disable; its change is not undone when the patch is disabled or replaced by a patch without it [state-missing-disable-callbacks]}}
	{ .id = ST_BOTH_SETUPS, .callbacks = { .pre_patch = raise_level, .post_patch = show_level } }, // klp-warning {{state 'ST_BOTH_SETUPS' (8) has a pre_patch callback but neither pre_unpatch nor post_unpatch and no block_disable}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
