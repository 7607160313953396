// patch-array-unterminated: the patch gets its objs[] in the module's init,
// by assignment, and the object's funcs[] by assignment too (replacing the
// empty no_funcs[] of its initializer). Both arrays lack the terminator;
// which variable the assignment names decides, not where it happens.
// RUN: %klp-lint --checks=-*,patch-array-unterminated %s -- %api-c -Xclang -verify=klp 2>&1 | FileCheck %s --check-prefix=EXIT --implicit-check-not=-verify
// EXIT: {{^}}0 warnings, 2 errors in 1 file
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

static int livepatch_cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s\n", "assigned at init");
	return 0;
}

static struct klp_func funcs[] = { // klp-note {{the array is defined here}}
	{ .old_name = "cmdline_proc_show", .new_func = livepatch_cmdline_proc_show }, // klp-error {{funcs[] 'funcs' of object 'objs' has no terminating element}}
};

static struct klp_func no_funcs[] = { { } };

static struct klp_object objs[] = { // klp-note {{the array is defined here}}
	{ .name = NULL, .funcs = no_funcs }, // klp-error {{objs[] 'objs' of patch 'patch' has no terminating element: its last element (index 0) is not zero}}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
};

static int livepatch_init(void)
{
	objs[0].funcs = funcs;
	patch.objs = objs;
	return klp_enable_patch(&patch);
}

static void livepatch_exit(void)
{
}

module_init(livepatch_init);
module_exit(livepatch_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");

// Proof of findings: klp_enable_patch() checks objs[] first, and the run
// stops at that out-of-bounds read.
// PROOF: unshown funcs: the run stops at the read past objs[], which klp_enable_patch() walks before any funcs[]
// SPDX-License-Identifier: GPL-2.0-only
