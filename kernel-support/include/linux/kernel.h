/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Catch-all helpers of <linux/kernel.h> for the klp-lint user-space kernel
 * headers.  Like the real header, it pulls in the commonly assumed basics.
 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <stdarg.h>
#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/stringify.h>
#include <linux/linkage.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/bug.h>
#include <linux/printk.h>
#include <linux/threads.h>

#define ARRAY_SIZE(arr)		(sizeof(arr) / sizeof((arr)[0]))

/*
 * Map a pointer to a member back to its containing structure.  The static
 * assertion catches a pointer whose type does not match @member.
 */
/* One page: the size of a sysfs or parameter show() buffer. */
#ifndef PAGE_SIZE
#define PAGE_SHIFT		12
#define PAGE_SIZE		(1UL << PAGE_SHIFT)
#endif

/* The caller's return address and this code's address, for trace records. */
#define _RET_IP_		((unsigned long)__builtin_return_address(0))
#define _THIS_IP_		({ __label__ __here; __here: (unsigned long)&&__here; })

#define container_of(ptr, type, member)					\
({									\
	void *__mptr = (void *)(ptr);					\
	_Static_assert(__same_type(*(ptr), ((type *)0)->member) ||	\
		       __same_type(*(ptr), void),			\
		       "pointer type mismatch in container_of()");	\
	((type *)((char *)__mptr - offsetof(type, member)));		\
})

/* Each operand is evaluated once; mixed signedness is the caller's bug. */
#define min(x, y)							\
({									\
	__auto_type __min_x = (x);					\
	__auto_type __min_y = (y);					\
	__min_x < __min_y ? __min_x : __min_y;				\
})
#define max(x, y)							\
({									\
	__auto_type __max_x = (x);					\
	__auto_type __max_y = (y);					\
	__max_x > __max_y ? __max_x : __max_y;				\
})
#define min_t(type, x, y)	min((type)(x), (type)(y))
#define max_t(type, x, y)	max((type)(x), (type)(y))
#define clamp(val, lo, hi)	min(max(val, lo), hi)

#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define BIT(nr)			(1UL << (nr))
#define BIT_ULL(nr)		(1ULL << (nr))

#define U8_MAX		((u8)~0U)
#define U16_MAX		((u16)~0U)
#define U32_MAX		((u32)~0U)
#define U64_MAX		((u64)~0ULL)
/*
 * Usable in #if, as <limits.h> requires; <limits.h> may come before or
 * after this header (it #undefs these before defining them).
 */
#ifndef INT_MAX
#define INT_MAX		__INT_MAX__
#endif
#ifndef UINT_MAX
#define UINT_MAX	(INT_MAX * 2U + 1U)
#endif
#ifndef LONG_MAX
#define LONG_MAX	__LONG_MAX__
#endif
#ifndef ULONG_MAX
#define ULONG_MAX	(LONG_MAX * 2UL + 1UL)
#endif

/* Formatting into buffers; glibc's declarations, where present, agree. */
int sprintf(char *buf, const char *fmt, ...) __printf(2, 3);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args) __printf(3, 0);

/**
 * scnprintf() - format into a buffer
 * @buf: destination
 * @size: size of @buf, including the terminating NUL
 * @fmt: printf-style format
 *
 * Return: the number of characters written to @buf, not counting the NUL.
 */
int scnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

int kstrtoint(const char *s, unsigned int base, int *res) __must_check;
int kstrtouint(const char *s, unsigned int base, unsigned int *res) __must_check;
int kstrtol(const char *s, unsigned int base, long *res) __must_check;
int kstrtoul(const char *s, unsigned int base, unsigned long *res) __must_check;
int kstrtobool(const char *s, bool *res) __must_check;

/**
 * __might_sleep() - note that the caller may sleep here
 * @file: source file of the call
 * @line: source line of the call
 *
 * The user-space core reports "sleeping function called from invalid
 * context" when this runs while an atomic context is active.
 */
void __might_sleep(const char *file, int line);
#define might_sleep()	__might_sleep(__FILE__, __LINE__)

#endif /* _LINUX_KERNEL_H */
