// The POC's per-state callbacks (setup, enable, disable, release) stop at
// the same id 0.
// RUN: %klp-lint --checks=-*,state-id-zero %s -- %api-b -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

static int setup(struct klp_patch *patch, struct klp_state *state)
{
	return 0;
}

static void release(struct klp_patch *patch, struct klp_state *state)
{
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = 0, .callbacks = { .setup = setup, .release = release } }, // klp-error {{element 0 of 'states' has state id 0: the core's walk of states[] stops here, so this element gets no callbacks}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
