// patch-array-unterminated under generation B headers: funcs[] of a module
// object without its terminator, in a patch with POC states.
// RUN: %klp-lint --checks=-*,patch-array-unterminated %s -- %api-b -Xclang -verify=klp 2>&1 | FileCheck %s --check-prefix=EXIT --implicit-check-not=-verify
// EXIT: {{^}}0 warnings, 1 error in 1 file
#include <linux/livepatch.h>
#include <linux/module.h>

static int new_target_func(void)
{
	return 2;
}

static struct klp_func funcs[] = { // klp-note {{the array is defined here}}
	{ .old_name = "target_func", .new_func = new_target_func }, // klp-error {{funcs[] 'funcs' of object 'objs[0]' has no terminating element}}
};

static struct klp_object objs[] = {
	{ .name = "klp_test_target", .funcs = funcs },
	{ }
};

static struct klp_state states[] = {
	{ .id = 1 },
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
