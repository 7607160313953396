/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Memory allocation for the klp-lint user-space kernel headers.
 *
 * All allocators are implemented by the user-space core, which can check
 * @flags against the calling context (a sleeping allocation while a spinlock
 * is held is reported as in the kernel).
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/types.h>

/**
 * kmalloc() - allocate memory
 * @size: bytes needed
 * @flags: GFP_* flags; they decide whether the call may sleep
 *
 * Return: the memory, or NULL on failure.
 */
void *kmalloc(size_t size, gfp_t flags);

/**
 * kzalloc() - allocate zeroed memory
 * @size: bytes needed
 * @flags: GFP_* flags
 *
 * Return: the memory, or NULL on failure.
 */
void *kzalloc(size_t size, gfp_t flags);

/**
 * kmalloc_array() - allocate an array, checking for overflow
 * @n: number of elements
 * @size: element size
 * @flags: GFP_* flags
 *
 * Return: the memory, or NULL on failure or if @n * @size overflows.
 */
void *kmalloc_array(size_t n, size_t size, gfp_t flags);

/**
 * kcalloc() - allocate a zeroed array, checking for overflow
 * @n: number of elements
 * @size: element size
 * @flags: GFP_* flags
 *
 * Return: the memory, or NULL on failure or if @n * @size overflows.
 */
void *kcalloc(size_t n, size_t size, gfp_t flags);

/**
 * krealloc() - resize an allocation
 * @p: memory from a k*alloc() function, or NULL
 * @new_size: new size in bytes
 * @flags: GFP_* flags
 *
 * Return: the resized memory, or NULL on failure (then @p is unchanged).
 */
void *krealloc(const void *p, size_t new_size, gfp_t flags) __must_check;

/**
 * kfree() - free memory from a k*alloc() function
 * @objp: the memory, or NULL
 */
void kfree(const void *objp);

/**
 * kstrdup() - duplicate a string
 * @s: the string, or NULL
 * @gfp: GFP_* flags
 *
 * Return: the copy, or NULL if @s is NULL or on failure.
 */
char *kstrdup(const char *s, gfp_t gfp);

/**
 * kstrndup() - duplicate at most @max characters of a string
 * @s: the string, or NULL
 * @max: maximum number of characters to copy
 * @gfp: GFP_* flags
 *
 * Return: the NUL-terminated copy, or NULL.
 */
char *kstrndup(const char *s, size_t max, gfp_t gfp);

/**
 * kmemdup() - duplicate a memory region
 * @src: the region
 * @len: its length
 * @gfp: GFP_* flags
 *
 * Return: the copy, or NULL on failure.
 */
void *kmemdup(const void *src, size_t len, gfp_t gfp);

/**
 * kvmalloc() - allocate memory that need not be physically contiguous
 * @size: bytes needed
 * @flags: GFP_* flags
 *
 * Return: the memory, to be freed with kvfree(), or NULL on failure.
 */
void *kvmalloc(size_t size, gfp_t flags);

/**
 * kvzalloc() - kvmalloc() returning zeroed memory
 * @size: bytes needed
 * @flags: GFP_* flags
 *
 * Return: the memory, to be freed with kvfree(), or NULL on failure.
 */
void *kvzalloc(size_t size, gfp_t flags);

/**
 * kvfree() - free memory from kvmalloc(), vmalloc() or kmalloc()
 * @addr: the memory, or NULL
 */
void kvfree(const void *addr);

/**
 * vmalloc() - allocate virtually contiguous memory; may sleep
 * @size: bytes needed
 *
 * Return: the memory, to be freed with vfree(), or NULL on failure.
 */
void *vmalloc(unsigned long size);

/**
 * vzalloc() - vmalloc() returning zeroed memory; may sleep
 * @size: bytes needed
 *
 * Return: the memory, to be freed with vfree(), or NULL on failure.
 */
void *vzalloc(unsigned long size);

/**
 * vfree() - free memory from vmalloc(); may sleep
 * @addr: the memory, or NULL
 */
void vfree(const void *addr);

#endif /* _LINUX_SLAB_H */
