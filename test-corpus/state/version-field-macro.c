// Generation A states whose version comes from a macro, and one set at run
// time: each is a state that sets a version (a note on its own kernel).
// RUN: %klp-lint --checks=-*,state-version-field %s -- %api-a -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

#define LP_STATE(nr, ver) { .id = (nr), .version = (ver) }

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	LP_STATE(4, 2), // klp-note {{state 4 has version 2: on this kernel a patch that carries id 4 with a lower version is refused with -EINVAL, also without replace}}
	{ .id = 5 },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static int lp_init(void)
{
	states[1].version = 3; // klp-note {{this state has version 3: on this kernel a patch that carries its id with a lower version is refused with -EINVAL}}
	return klp_enable_patch(&patch);
}
module_init(lp_init);
// SPDX-License-Identifier: GPL-2.0-only
