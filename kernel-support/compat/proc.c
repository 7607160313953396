// SPDX-License-Identifier: GPL-2.0-only
/*
 * proc.c - two files of vmlinux's /proc that the livepatch selftests
 * patch: /proc/cmdline and /proc/meminfo.
 *
 * Built with -pg -mfentry like the modules, so that a livepatch of
 * cmdline_proc_show() or meminfo_proc_show() takes effect when the runner
 * reads the file.  The contents are fixed: there is no boot command line
 * and no memory accounting.
 */
#include <linux/seq_file.h>

int cmdline_proc_show(struct seq_file *m, void *v);
int meminfo_proc_show(struct seq_file *m, void *v);

__attribute__((__noinline__))
int cmdline_proc_show(struct seq_file *m, void *v)
{
	(void)v;
	seq_puts(m, "BOOT_IMAGE=/boot/vmlinuz-klp-sim root=/dev/klp ro\n");
	return 0;
}

__attribute__((__noinline__))
int meminfo_proc_show(struct seq_file *m, void *v)
{
	(void)v;
	seq_puts(m, "MemTotal:        4194304 kB\n");
	seq_puts(m, "MemFree:         2097152 kB\n");
	return 0;
}
