// Generation A: klp_get_state() and the version check of every later patch
// stop at the first copy, so the second one's version is never looked at.
// RUN: %klp-lint --checks=-*,state-duplicate-id %s -- %api-a -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

#define CONSOLE_STATE 1

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = CONSOLE_STATE, .version = 1 }, // klp-note {{the first state with id 'CONSOLE_STATE' (1) is here}}
	{ .id = CONSOLE_STATE, .version = 2 }, // klp-error {{state id 'CONSOLE_STATE' (1) appears again in 'states': klp_get_state() and the version check of every later patch see only the first copy, so this one's version and data are never looked at}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// PROOF: unshown 1: generation A runs no state callback; only a later patch's version check would read the copies, and the battery loads none that carries the id
// SPDX-License-Identifier: GPL-2.0-only
