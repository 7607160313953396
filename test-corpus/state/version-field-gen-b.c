// The POC's last patch removed klp_state.version but added a
// klp_patch.version by accident, which its core never reads; the POC
// before that patch still had the state's version.
// RUN: %klp-lint --checks=-*,state-version-field %s -- %api-b -Xclang -verify=klp
// RUN: %klp-lint --checks=-*,state-version-field %s -- -DPOC_1 -I %S/Inputs/poc-1 %api-b -Xclang -verify=poc

#include <linux/livepatch.h>
#include <linux/module.h>

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

#ifdef POC_1
static struct klp_state states[] = {
	{ .id = 3, .version = 1 }, // poc-warning {{state 3 sets a version: v1 removes state versions}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
#else
static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.version = 2, // klp-warning {{setting of klp_patch.version, the member the POC's last patch added by accident: its core never reads it and v1 does not have it; remove it}}
};
#endif
// SPDX-License-Identifier: GPL-2.0-only
