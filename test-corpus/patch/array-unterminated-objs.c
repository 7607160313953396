// patch-array-unterminated: objs[] without its terminating element (name
// and funcs both NULL). klp_enable_patch() checks every static object
// (klp_for_each_object_static()) before anything else, so the walk past the
// array happens at the first enable. The object is built by a macro of the
// module's own; the funcs[] it names is terminated.
// RUN: %klp-lint --checks=-*,patch-array-unterminated %s -- %api-c -Xclang -verify=klp 2>&1 | FileCheck %s --check-prefix=EXIT --implicit-check-not=-verify
// EXIT: {{^}}0 warnings, 1 error in 1 file
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

#define VMLINUX_OBJECT(f) { .name = NULL, .funcs = (f) }

static int livepatch_meminfo_proc_show(struct seq_file *m, void *v)
{
	seq_printf(m, "MemTotal: 0 kB\n");
	return 0;
}

static struct klp_func funcs[] = {
	{ .old_name = "meminfo_proc_show", .new_func = livepatch_meminfo_proc_show },
	{ }
};

static struct klp_object objs[] = { // klp-note {{the array is defined here}}
	VMLINUX_OBJECT(funcs), // klp-error {{objs[] 'objs' of patch 'patch' has no terminating element: its last element (index 0) is not zero, and the core walks objs[] up to an element whose name and funcs are both NULL, so it reads past the end of the array}}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};
// SPDX-License-Identifier: GPL-2.0-only
