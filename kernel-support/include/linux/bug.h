/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * WARN*() and BUG*() for the klp-lint user-space kernel headers.
 *
 * The macros keep the kernel's shape (WARN*() evaluate to the condition) and
 * report through helpers that the user-space livepatch core provides, so
 * that tests can observe every warning.
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>
#include <linux/types.h>

/**
 * klp_warn() - report a WARN() with a message
 * @file: source file of the WARN()
 * @line: source line of the WARN()
 * @func: function containing the WARN(); the report names it, as the
 *	kernel's "WARNING: ... at func+off" line does
 * @fmt: printf-style message
 */
void klp_warn(const char *file, int line, const char *func,
	      const char *fmt, ...) __printf(4, 5);

/**
 * klp_warn_on() - report a WARN_ON() without a message
 * @file: source file of the WARN_ON()
 * @line: source line of the WARN_ON()
 * @func: function containing the WARN_ON()
 */
void klp_warn_on(const char *file, int line, const char *func);

/**
 * klp_bug() - report a BUG(); never returns to the caller
 * @file: source file of the BUG()
 * @line: source line of the BUG()
 * @func: function containing the BUG()
 */
void klp_bug(const char *file, int line, const char *func) __noreturn __cold;

#define WARN(condition, fmt, ...)					\
({									\
	int __ret_warn = !!(condition);					\
									\
	if (unlikely(__ret_warn))					\
		klp_warn(__FILE__, __LINE__, __func__,			\
			 fmt, ##__VA_ARGS__);				\
	unlikely(__ret_warn);						\
})

#define WARN_ON(condition)						\
({									\
	int __ret_warn_on = !!(condition);				\
									\
	if (unlikely(__ret_warn_on))					\
		klp_warn_on(__FILE__, __LINE__, __func__);		\
	unlikely(__ret_warn_on);					\
})

#define WARN_ONCE(condition, fmt, ...)					\
({									\
	static bool __warned_once;					\
	int __ret_warn_once = !!(condition);				\
									\
	if (unlikely(__ret_warn_once && !__warned_once)) {		\
		__warned_once = true;					\
		klp_warn(__FILE__, __LINE__, __func__,			\
			 fmt, ##__VA_ARGS__);				\
	}								\
	unlikely(__ret_warn_once);					\
})

#define WARN_ON_ONCE(condition)						\
({									\
	static bool __warned_on_once;					\
	int __ret_warn_on_once = !!(condition);				\
									\
	if (unlikely(__ret_warn_on_once && !__warned_on_once)) {	\
		__warned_on_once = true;				\
		klp_warn_on(__FILE__, __LINE__, __func__);		\
	}								\
	unlikely(__ret_warn_on_once);					\
})

#define BUG()		klp_bug(__FILE__, __LINE__, __func__)
#define BUG_ON(condition)						\
	do {								\
		if (unlikely(condition))				\
			BUG();						\
	} while (0)

#define BUILD_BUG_ON_MSG(condition, msg)				\
	do {								\
		_Static_assert(!(condition), msg);			\
	} while (0)
#define BUILD_BUG_ON(condition)						\
	BUILD_BUG_ON_MSG(condition, "BUILD_BUG_ON failed: " #condition)

#endif /* _LINUX_BUG_H */
