/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * procfs entries for the klp-lint user-space kernel headers.
 */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

#include <linux/compiler.h>
#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/types.h>

struct proc_dir_entry;

/**
 * struct proc_ops - operations of a /proc file
 * @proc_open: called on open()
 * @proc_read: copy data to user space
 * @proc_write: copy data from user space
 * @proc_lseek: change the file position
 * @proc_release: called on the last close()
 */
struct proc_ops {
	int (*proc_open)(struct inode *inode, struct file *file);
	ssize_t (*proc_read)(struct file *file, char __user *buf, size_t count,
			     loff_t *pos);
	ssize_t (*proc_write)(struct file *file, const char __user *buf,
			      size_t count, loff_t *pos);
	loff_t (*proc_lseek)(struct file *file, loff_t offset, int whence);
	int (*proc_release)(struct inode *inode, struct file *file);
};

/**
 * proc_create() - create a /proc file
 * @name: file name
 * @mode: permissions
 * @parent: directory, or NULL for /proc
 * @proc_ops: the file's operations
 *
 * Return: the entry, or NULL on failure.
 */
struct proc_dir_entry *proc_create(const char *name, umode_t mode,
				   struct proc_dir_entry *parent,
				   const struct proc_ops *proc_ops);

/**
 * proc_create_single_data() - create a /proc file filled by one show call
 * @name: file name
 * @mode: permissions
 * @parent: directory, or NULL for /proc
 * @show: fills the seq_file
 * @data: passed to @show via seq_file.private
 *
 * Return: the entry, or NULL on failure.
 */
struct proc_dir_entry *proc_create_single_data(const char *name, umode_t mode,
		struct proc_dir_entry *parent,
		int (*show)(struct seq_file *, void *), void *data);

#define proc_create_single(name, mode, parent, show)			\
	proc_create_single_data(name, mode, parent, show, NULL)

/**
 * remove_proc_entry() - remove a /proc file by name
 * @name: file name
 * @parent: directory, or NULL for /proc
 */
void remove_proc_entry(const char *name, struct proc_dir_entry *parent);

/**
 * proc_remove() - remove a /proc entry and everything below it
 * @de: the entry, or NULL
 */
void proc_remove(struct proc_dir_entry *de);

#endif /* _LINUX_PROC_FS_H */
