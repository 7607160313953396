/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * String functions for the klp-lint user-space kernel headers: the C
 * library's, plus the kernel-only ones.
 */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <string.h>
#include <linux/compiler.h>
#include <linux/slab.h>		/* kstrdup() and friends, as in the kernel */
#include <linux/types.h>

/**
 * strscpy() - copy a string into a fixed-size buffer, always terminating it
 * @dest: destination buffer
 * @src: source string
 * @count: size of @dest
 *
 * Return: the number of characters copied, or -E2BIG if @src was truncated.
 */
ssize_t strscpy(char *dest, const char *src, size_t count);

/**
 * strlcpy() - copy a string into a fixed-size buffer (deprecated)
 * @dest: destination buffer
 * @src: source string
 * @size: size of @dest
 *
 * Return: strlen(@src).
 */
size_t strlcpy(char *dest, const char *src, size_t size);

#endif /* _LINUX_STRING_H */
