// Generation A states are only id, version and data, and the same walk
// stops at the first id 0: the version check of every later patch never
// sees the states from there on (docs/semantics.md#generation-a).
// RUN: %klp-lint --checks=-*,state-id-zero %s -- %api-a -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

#define PROC_STATE 5

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ 0, 2 }, // klp-error {{element 0 of 'states' has state id 0: the core's walk of states[] stops here, so this element and the one after it ('PROC_STATE' (5)) get no callbacks, no compatibility check and no shadow free}}
	{ .id = PROC_STATE, .version = 1 },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// PROOF: unshown 0: generation A runs no callback of a state and frees no shadow variable; what its walk misses is the version check of a later patch, which the battery does not load
// SPDX-License-Identifier: GPL-2.0-only
