// patch-array-unterminated: arrays whose size is written out. funcs_one[1]
// holds exactly its one element, so nothing terminates it (no fix-it: an
// element more would not fit); funcs_room[2] has room for a second element,
// which the compiler zero-initialises, so that one is terminated.
// RUN: %klp-lint --checks=-*,patch-array-unterminated %s -- %api-c -Xclang -verify=klp 2>&1 | FileCheck %s --check-prefix=EXIT --implicit-check-not=-verify
// EXIT: {{^}}0 warnings, 1 error in 1 file
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

static int new_cmdline(struct seq_file *m, void *v)
{
	seq_puts(m, "patched\n");
	return 0;
}

static int new_meminfo(struct seq_file *m, void *v)
{
	seq_puts(m, "patched\n");
	return 0;
}

static struct klp_func funcs_one[1] = { // klp-note {{the array is defined here}}
	{ "cmdline_proc_show", new_cmdline, 0 }, // klp-error {{funcs[] 'funcs_one' of object 'objs[0]' has no terminating element}}
};

static struct klp_func funcs_room[2] = {
	{ "meminfo_proc_show", new_meminfo, 0 },
};

static struct klp_object objs[] = {
	{ .funcs = funcs_one },
	{ .name = "klp_test_target", .funcs = funcs_room },
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};
// SPDX-License-Identifier: GPL-2.0-only
