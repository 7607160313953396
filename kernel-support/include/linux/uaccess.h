/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * User-memory access for the klp-lint user-space kernel headers.
 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/compiler.h>
#include <linux/types.h>

/**
 * copy_from_user() - copy a block from user memory; may sleep
 * @to: kernel destination
 * @from: user source
 * @n: bytes to copy
 *
 * Return: the number of bytes that could NOT be copied (0 on success).
 */
unsigned long copy_from_user(void *to, const void __user *from,
			     unsigned long n) __must_check;

/**
 * copy_to_user() - copy a block to user memory; may sleep
 * @to: user destination
 * @from: kernel source
 * @n: bytes to copy
 *
 * Return: the number of bytes that could NOT be copied (0 on success).
 */
unsigned long copy_to_user(void __user *to, const void *from,
			   unsigned long n) __must_check;

/**
 * strncpy_from_user() - copy a NUL-terminated string from user memory
 * @dst: kernel destination
 * @src: user source
 * @count: size of @dst
 *
 * Return: the string length, @count if not terminated, or -EFAULT.
 */
long strncpy_from_user(char *dst, const char __user *src, long count);

#endif /* _LINUX_UACCESS_H */
