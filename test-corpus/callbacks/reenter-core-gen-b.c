// callbacks-reenter-core under generation B headers: the POC's release
// callback (the clean-up role) enables another patch.
// RUN: %klp-lint --checks=-*,callbacks-reenter-core %s -- %api-b -Xclang -verify=klp 2>&1 | FileCheck %s --check-prefix=EXIT --implicit-check-not=-verify
// EXIT: {{^}}0 warnings, 1 error in 1 file

#include <linux/livepatch.h>
#include <linux/module.h>

extern struct klp_patch fallback_patch;

static void release_state(struct klp_patch *patch, struct klp_state *state)
{
	klp_enable_patch(&fallback_patch); // klp-error {{klp_enable_patch() is called from the release callback 'release_state' of state 2}}
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };
static struct klp_state states[] = {
	{ .id = 2, .callbacks = { .release = release_state } },
	{ }
};
static struct klp_patch patch = { .mod = THIS_MODULE, .objs = objs, .states = states };
// SPDX-License-Identifier: GPL-2.0-only
