// Generation A look-alikes: the terminator spelled positionally with every
// member zero, a version that is 0 on a state with a real id, and id 0 as
// a shadow id (a shadow variable may have id 0; only a state may not).
// RUN: %klp-lint --checks=-*,state-id-zero %s -- %api-a -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ 1, 0, NULL },
	{ 0, 0, NULL }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

void *patched_fork(void *task)
{
	return klp_shadow_get_or_alloc(task, 0, 8, GFP_KERNEL, NULL, NULL);
}
// SPDX-License-Identifier: GPL-2.0-only
