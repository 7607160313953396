// A livepatch whose states are in a .c file that the main file #includes.
// The included .c file belongs to the livepatch, so state-missing-disable-
// callbacks (docs/semantics.md#rules) reports the state without a teardown inside it; the
// expectation is in Inputs/missing-disable-callbacks-included/states.c.
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

#include "Inputs/missing-disable-callbacks-included/states.c"

static struct klp_func funcs[] = { { .old_name = "proc_dointvec" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
