/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Minimal file-system types for the klp-lint user-space kernel headers:
 * enough for drivers that provide file operations.
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/compiler.h>
#include <linux/types.h>

struct module;

/**
 * struct inode - a file-system object
 * @i_ino: inode number
 * @i_private: owner's data
 */
struct inode {
	unsigned long i_ino;
	void *i_private;
};

/**
 * struct file - an open file
 * @f_inode: the file's inode
 * @f_pos: current position
 * @private_data: the opener's data
 */
struct file {
	struct inode *f_inode;
	loff_t f_pos;
	void *private_data;
};

/**
 * struct file_operations - what a character device or similar file supports
 * @owner: the module providing the operations
 * @llseek: change the file position
 * @read: copy data to user space
 * @write: copy data from user space
 * @open: called on open()
 * @release: called on the last close()
 */
struct file_operations {
	struct module *owner;
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	ssize_t (*read)(struct file *file, char __user *buf, size_t count,
			loff_t *pos);
	ssize_t (*write)(struct file *file, const char __user *buf,
			 size_t count, loff_t *pos);
	int (*open)(struct inode *inode, struct file *file);
	int (*release)(struct inode *inode, struct file *file);
};

#endif /* _LINUX_FS_H */
