/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Sequential files (procfs and debugfs output) for the klp-lint user-space
 * kernel headers.
 */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

#include <linux/compiler.h>
#include <linux/types.h>

struct file;
struct inode;

/**
 * struct seq_file - an output buffer being filled by a show function
 * @buf: the buffer
 * @size: its capacity
 * @count: bytes used
 * @index: record position
 * @private: owner's data (the @data of single_open())
 */
struct seq_file {
	char *buf;
	size_t size;
	size_t count;
	loff_t index;
	void *private;
};

/**
 * seq_printf() - append formatted text to a seq_file
 * @m: the seq_file
 * @fmt: printf-style format
 */
void seq_printf(struct seq_file *m, const char *fmt, ...) __printf(2, 3);

/**
 * seq_puts() - append a string to a seq_file
 * @m: the seq_file
 * @s: the string
 */
void seq_puts(struct seq_file *m, const char *s);

/**
 * seq_putc() - append a character to a seq_file
 * @m: the seq_file
 * @c: the character
 */
void seq_putc(struct seq_file *m, char c);

/**
 * seq_write() - append raw bytes to a seq_file
 * @m: the seq_file
 * @data: the bytes
 * @len: how many
 *
 * Return: 0, or -1 if the buffer overflowed.
 */
int seq_write(struct seq_file *m, const void *data, size_t len);

/**
 * single_open() - open a file whose contents one show call produces
 * @file: the file being opened
 * @show: fills the seq_file
 * @data: stored in seq_file.private
 *
 * Return: 0 or a negative errno.
 */
int single_open(struct file *file, int (*show)(struct seq_file *, void *),
		void *data);

/**
 * single_release() - release a file opened with single_open()
 * @inode: the inode
 * @file: the file
 *
 * Return: 0.
 */
int single_release(struct inode *inode, struct file *file);

#endif /* _LINUX_SEQ_FILE_H */
