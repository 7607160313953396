/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The jiffies clock for the klp-lint user-space kernel headers.
 *
 * HZ is fixed at 1000, so one jiffy is one millisecond and the conversions
 * are exact.
 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/compiler.h>
#include <linux/types.h>

#define HZ		1000

/* Ticks since boot; advanced by the user-space core. */
extern volatile unsigned long jiffies;

/* Wrap-safe comparisons of two jiffies values. */
#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)
#define time_before_eq(a, b)	time_after_eq(b, a)

static inline unsigned long msecs_to_jiffies(const unsigned int m)
{
	return m;
}

static inline unsigned long usecs_to_jiffies(const unsigned int u)
{
	return (u + 999) / 1000;
}

static inline unsigned int jiffies_to_msecs(const unsigned long j)
{
	return (unsigned int)j;
}

#define secs_to_jiffies(s)	((unsigned long)(s) * HZ)

#endif /* _LINUX_JIFFIES_H */
