// patch-array-unterminated (docs/semantics.md#rule-patch-array-unterminated):
// funcs[] has no terminating element. klp_for_each_func_static() walks an
// object's funcs[] until old_name, new_func and old_sympos are all zero, so
// the core reads the memory after the array as a struct klp_func: the
// reference core's walk is reported by AddressSanitizer when the patch is
// enabled. The array's size comes from its initializer, so the fix-it
// appends the empty element.
// RUN: %klp-lint --checks=-*,patch-array-unterminated %s -- %api-c -Xclang -verify=klp 2>&1 | FileCheck %s --check-prefix=EXIT --implicit-check-not=-verify
// EXIT: {{^}}0 warnings, 1 error in 1 file
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

static int livepatch_cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s\n", "this has been live patched");
	return 0;
}

static struct klp_func funcs[] = { // klp-note {{the array is defined here}}
	{ // klp-error {{funcs[] 'funcs' of object 'objs[0]' has no terminating element: its last element (index 0) is not zero, and the core walks funcs[] up to an element whose old_name, new_func and old_sympos are all zero, so it reads past the end of the array; add an empty element '{ }' at the end [patch-array-unterminated]}}
		.old_name = "cmdline_proc_show",
		.new_func = livepatch_cmdline_proc_show,
	}
};

static struct klp_object objs[] = {
	{
		/* name being NULL means vmlinux */
		.funcs = funcs,
	}, { }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};
// SPDX-License-Identifier: GPL-2.0-only
