/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Delays for the klp-lint user-space kernel headers.  The sleeping ones
 * report a call in atomic context; the busy-waiting ones do not sleep.
 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include <linux/types.h>

/**
 * msleep() - sleep for at least @msecs milliseconds
 * @msecs: duration
 */
void msleep(unsigned int msecs);

/**
 * msleep_interruptible() - msleep() that a signal can cut short
 * @msecs: duration
 *
 * Return: the milliseconds left when woken early, else 0.
 */
unsigned long msleep_interruptible(unsigned int msecs);

/**
 * ssleep() - sleep for at least @seconds seconds
 * @seconds: duration
 */
void ssleep(unsigned int seconds);

/**
 * usleep_range() - sleep for between @min and @max microseconds
 * @min: shortest duration
 * @max: longest duration
 */
void usleep_range(unsigned long min, unsigned long max);

/**
 * fsleep() - sleep for @usecs microseconds by whatever means suits
 * @usecs: duration
 */
void fsleep(unsigned long usecs);

/**
 * udelay() - busy-wait for @usecs microseconds; safe in atomic context
 * @usecs: duration
 */
void udelay(unsigned long usecs);

/**
 * ndelay() - busy-wait for @nsecs nanoseconds; safe in atomic context
 * @nsecs: duration
 */
void ndelay(unsigned long nsecs);

/**
 * mdelay() - busy-wait for @msecs milliseconds; safe in atomic context
 * @msecs: duration
 */
void mdelay(unsigned long msecs);

#endif /* _LINUX_DELAY_H */
