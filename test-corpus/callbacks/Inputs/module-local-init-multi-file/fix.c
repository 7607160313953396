/* The replacement function and the mode it reads (module-local-init-multi-file.c). */
#include <linux/livepatch.h>
#include <linux/seq_file.h>

int fix_mode;

static int livepatch_cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_printf(m, "fix mode %d\n", fix_mode);
	return 0;
}

struct klp_func fix_funcs[] = {
	{ .old_name = "cmdline_proc_show", .new_func = livepatch_cmdline_proc_show }, { }
};
// SPDX-License-Identifier: GPL-2.0-only
