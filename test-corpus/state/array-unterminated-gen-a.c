// Generation A walks states[] the same way: klp_get_state() and the
// compatibility check of every later patch read past an array without
// its terminator.
// RUN: %klp-lint --checks=-*,state-array-unterminated %s -- %api-a -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

#define CONSOLE_STATE 1

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = { // klp-error {{states[] array 'states' has no element with id 0 to end it: the core walks states[] until it finds one, so after the last element (index 0, state id 'CONSOLE_STATE' (1)) it reads past the end of the array}}
	{ .id = CONSOLE_STATE, .version = 1 }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
	.replace = true,
};

// Proof of findings: nothing walks the states of the first patch at its
// enable under generation A. Only a later patch's compatibility check walks
// them, and the battery's replacement (a_lp2_r_none, a replace patch without
// states) is refused at the first element, before the walk reaches the end.
// PROOF: unshown states: generation A walks this array only for a later patch's compatibility check, which refuses the battery's state-less replacement at element 0, before the end of the array
// SPDX-License-Identifier: GPL-2.0-only
