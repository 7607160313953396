// patch-array-unterminated under generation A headers: the same walks, the
// same rule. An object with per-object callbacks still ends the array only
// when its name and funcs are both NULL; here the last object has a name.
// RUN: %klp-lint --checks=-*,patch-array-unterminated %s -- %api-a -Xclang -verify=klp 2>&1 | FileCheck %s --check-prefix=EXIT --implicit-check-not=-verify
// EXIT: {{^}}0 warnings, 1 error in 1 file
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

static int livepatch_cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s\n", "generation A");
	return 0;
}

static struct klp_func funcs[] = {
	{ .old_name = "cmdline_proc_show", .new_func = livepatch_cmdline_proc_show },
	{ }
};

static struct klp_object objs[] = { // klp-note {{the array is defined here}}
	{ .funcs = funcs }, // klp-error {{objs[] 'objs' of patch 'patch' has no terminating element: its last element (index 0) is not zero}}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};
// SPDX-License-Identifier: GPL-2.0-only
