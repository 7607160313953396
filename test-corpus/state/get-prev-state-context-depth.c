// The call graph is followed MaxDepth calls deep from each root (default
// 8): the init reaches the call three calls down. With MaxDepth=2 it is
// too deep to be judged (not reported, not cleared).
// RUN: %klp-lint --checks=-*,state-get-prev-state-context %s -- %api-c -Xclang -verify=klp
// RUN: %klp-lint --checks=-*,state-get-prev-state-context --check-option=state-get-prev-state-context.MaxDepth=2 %s -- %api-c -Xclang -verify=shallow
// shallow-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

static int level3(void)
{
	return klp_get_prev_state(2) != NULL; // klp-warning {{klp_get_prev_state() called in 'level3', which module init 'lp_init' reaches}}
}

static int level2(void)
{
	return level3();
}

static int level1(void)
{
	return level2();
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };
static struct klp_state states[] = { { .id = 2 }, {} };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static int lp_init(void)
{
	level1();
	return klp_enable_patch(&patch);
}
module_init(lp_init); // klp-note {{'lp_init' is registered here}}
// SPDX-License-Identifier: GPL-2.0-only
