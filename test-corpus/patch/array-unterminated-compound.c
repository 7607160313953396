// patch-array-unterminated: a funcs[] written as a compound literal inside
// the object's initializer, without its terminating element. The fix-it
// appends the empty element inside the literal.
// RUN: %klp-lint --checks=-*,patch-array-unterminated %s -- %api-c -Xclang -verify=klp 2>&1 | FileCheck %s --check-prefix=EXIT --implicit-check-not=-verify
// EXIT: {{^}}0 warnings, 1 error in 1 file
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

static int livepatch_cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s\n", "compound literal");
	return 0;
}

static struct klp_object objs[] = {
	{
		.funcs = (struct klp_func[]) {
			{ .old_name = "cmdline_proc_show", .new_func = livepatch_cmdline_proc_show }, // klp-error {{funcs[] '(compound literal)' of object 'objs[0]' has no terminating element}}
		},
	},
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};
// SPDX-License-Identifier: GPL-2.0-only
