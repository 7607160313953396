// Generation A (upstream) has no per-state callbacks: struct klp_state is
// {id, version, data} (docs/semantics.md#generation-a). docs/semantics.md#rules limits state-missing-disable-
// callbacks to gens B and C, so it reports nothing here, not for the A
// states and not for the per-object callbacks, whose pre_patch/post_patch
// have no unpatch counterpart (those are callbacks-per-object's business;
// only this check runs).
// RUN: %klp-lint --checks=-*,state-missing-disable-callbacks %s -- %api-a -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

#define ST_A_FIX 0x50

static int fixed;

static int obj_prepare(struct klp_object *obj)
{
	fixed = 1;
	return 0;
}

static void obj_activate(struct klp_object *obj)
{
	fixed = 2;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = {
	{ .funcs = funcs, .callbacks = { .pre_patch = obj_prepare, .post_patch = obj_activate } },
	{}
};

static struct klp_state states[] = {
	{ .id = ST_A_FIX, .version = 3, .data = &fixed },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
	.replace = true,
};
// SPDX-License-Identifier: GPL-2.0-only
