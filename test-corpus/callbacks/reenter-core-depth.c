// callbacks-reenter-core's MaxDepth option: the call of klp_enable_patch()
// is three calls below the pre_patch callback. The default depth (5) finds
// it; MaxDepth=2 stops the walk before the function that calls it, and
// MaxDepth=3 reaches it again. The nested enable fails (a transition is
// running), and so does the pre_patch that returns its error. The state id
// is an enumerator.
// RUN: %klp-lint --checks=-*,callbacks-reenter-core %s -- %api-c -Xclang -verify=klp 2>&1 | FileCheck %s --check-prefix=EXIT --implicit-check-not=-verify
// RUN: %klp-lint --checks=-*,callbacks-reenter-core --check-option=callbacks-reenter-core.MaxDepth=2 %s -- %api-c 2>&1 | count 0
// RUN: not %klp-lint --checks=-*,callbacks-reenter-core --check-option=callbacks-reenter-core.MaxDepth=3 %s -- %api-c 2>&1 | FileCheck %s --check-prefix=EXIT
// EXIT: {{^}}0 warnings, 1 error in 1 file

#include <linux/livepatch.h>
#include <linux/module.h>

enum { DEEP_STATE = 80 };

static struct klp_patch spare;

static int level3(void)
{
	return klp_enable_patch(&spare); // klp-error {{klp_enable_patch() is called from the pre_patch callback 'deep_pre_patch' of state 'DEEP_STATE' (80) (in 'level3')}}
}

static int level2(void)
{
	return level3();
}

static int level1(void)
{
	return level2();
}

static int deep_pre_patch(struct klp_patch *patch, struct klp_state *state) // klp-note {{'deep_pre_patch' reaches 'level3'}}
{
	return level1();
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };
static struct klp_state states[] = {
	{ .id = DEEP_STATE, .callbacks = { .pre_patch = deep_pre_patch } },
	{ }
};
static struct klp_patch patch = { .mod = THIS_MODULE, .objs = objs, .states = states };

static struct klp_func spare_funcs[] = { { .old_name = "meminfo_proc_show" }, { } };
static struct klp_object spare_objs[] = { { .funcs = spare_funcs }, { } };
static struct klp_patch spare = { .mod = THIS_MODULE, .objs = spare_objs };
// SPDX-License-Identifier: GPL-2.0-only
