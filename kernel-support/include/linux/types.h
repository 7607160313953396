/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Basic kernel types for the klp-lint user-space kernel headers.
 *
 * The fixed-width kernel types follow the kernel's own choices (u64 is
 * unsigned long long everywhere), so that "%llu" and friends type-check as
 * they do in a kernel build.  Types that glibc also defines use the same
 * underlying type as glibc, so that both may be seen in one translation unit.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stddef.h>
#include <stdint.h>
#include <linux/compiler.h>

/*
 * bool as the kernel spells it: a typedef, not <stdbool.h>'s macro, so that
 * "bool" survives macro expansion (module_param(x, bool, 0644) pastes it).
 * C23 makes bool a keyword; an earlier <stdbool.h> leaves its macro.
 */
#if !(defined(__STDC_VERSION__) && __STDC_VERSION__ >= 202311L) && \
	!defined(__bool_true_false_are_defined)
typedef _Bool			bool;
enum {
	false	= 0,
	true	= 1
};
#endif

typedef unsigned char		u8;
typedef unsigned short		u16;
typedef unsigned int		u32;
typedef unsigned long long	u64;
typedef signed char		s8;
typedef signed short		s16;
typedef signed int		s32;
typedef signed long long	s64;

typedef u8			__u8;
typedef u16			__u16;
typedef u32			__u32;
typedef u64			__u64;
typedef s8			__s8;
typedef s16			__s16;
typedef s32			__s32;
typedef s64			__s64;

typedef u16			__le16;
typedef u32			__le32;
typedef u64			__le64;
typedef u16			__be16;
typedef u32			__be32;
typedef u64			__be64;

typedef __PTRDIFF_TYPE__	ssize_t;	/* glibc: long on LP64 */
typedef __INT64_TYPE__		loff_t;		/* glibc: __off64_t */
typedef int			pid_t;
typedef unsigned short		umode_t;

/* Allocation flags; the bits are in <linux/gfp.h>. */
typedef unsigned int		gfp_t;

/* Circular doubly linked list; the helpers are in <linux/list.h>. */
struct list_head {
	struct list_head *next, *prev;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

struct hlist_head {
	struct hlist_node *first;
};

/* Deferred-free link; see call_rcu() in <linux/rcupdate.h>. */
struct rcu_head {
	struct rcu_head *next;
	void (*func)(struct rcu_head *head);
};

/* The operations are in <linux/atomic.h>. */
typedef struct {
	int counter;
} atomic_t;

typedef struct {
	long counter;
} atomic_long_t;

#endif /* _LINUX_TYPES_H */
