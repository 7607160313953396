/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Compiler attributes and helpers for the klp-lint user-space kernel
 * headers (clean-room; GCC and Clang, C11 with GNU extensions).
 */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#include <linux/stringify.h>
#include <linux/linkage.h>

/*
 * glibc's <sys/cdefs.h> defines __always_inline too.  Pull it in first so
 * that whichever header comes second never redefines the macro.
 */
#ifdef __has_include
#if __has_include(<sys/cdefs.h>)
#include <sys/cdefs.h>
#endif
#endif

#ifndef __always_inline
#define __always_inline		inline __attribute__((__always_inline__))
#endif
#define noinline		__attribute__((__noinline__))
#define __used			__attribute__((__used__))
#define __maybe_unused		__attribute__((__unused__))
#define __always_unused		__attribute__((__unused__))
#define __noreturn		__attribute__((__noreturn__))
#define __packed		__attribute__((__packed__))
#define __aligned(x)		__attribute__((__aligned__(x)))
#define __section(s)		__attribute__((__section__(s)))
#define __printf(a, b)		__attribute__((__format__(printf, a, b)))
#define __cold			__attribute__((__cold__))
#define __weak			__attribute__((__weak__))
#define __pure			__attribute__((__pure__))
#define __must_check		__attribute__((__warn_unused_result__))
#define __deprecated		__attribute__((__deprecated__))
#define fallthrough		__attribute__((__fallthrough__))

/* sparse annotations: meaningless to a real compiler. */
#define __user
#define __kernel
#define __iomem
#define __force
#define __rcu
#define __percpu
#define __bitwise
#define __must_hold(x)
#define __acquires(x)
#define __releases(x)

/* Placement attributes the kernel uses for sections; plain data here. */
#define __read_mostly
#define __ro_after_init

#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)

#define barrier()		__asm__ __volatile__("" : : : "memory")

#define ___PASTE(a, b)		a##b
#define __PASTE(a, b)		___PASTE(a, b)
#define __UNIQUE_ID(prefix)	__PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

#define __same_type(a, b)	__builtin_types_compatible_p(__typeof__(a), __typeof__(b))

/* Single, untorn access that the compiler may not merge or re-read. */
#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)						\
	do {								\
		*(volatile __typeof__(x) *)&(x) = (val);		\
	} while (0)

/*
 * kbuild always passes -DKBUILD_MODNAME.  A stand-alone parse (klp-lint
 * with no compiler arguments) has none, yet pr_fmt() commonly expands to
 * it.  Fall back to a placeholder and say so, so that tools can tell the
 * module name was not given.
 */
#ifndef KBUILD_MODNAME
#define KBUILD_MODNAME			"klp_unnamed_module"
#define KLP_KBUILD_MODNAME_DEFAULTED	1
#endif

#endif /* _LINUX_COMPILER_H */
