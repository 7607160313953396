/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Completions for the klp-lint user-space kernel headers: a one-shot event
 * that one task waits for and another signals.
 */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

#include <linux/types.h>

/**
 * struct completion - an event that can be waited for
 * @done: number of complete() calls not yet consumed by waiters
 */
struct completion {
	unsigned int done;
};

#define COMPLETION_INITIALIZER(work)	{ .done = 0 }
#define DECLARE_COMPLETION(work)					\
	struct completion work = COMPLETION_INITIALIZER(work)

static inline void init_completion(struct completion *x)
{
	x->done = 0;
}

static inline void reinit_completion(struct completion *x)
{
	x->done = 0;
}

/**
 * complete() - signal the event, releasing one waiter
 * @x: the completion
 */
void complete(struct completion *x);

/**
 * complete_all() - signal the event, releasing all waiters, now and later
 * @x: the completion
 */
void complete_all(struct completion *x);

/**
 * wait_for_completion() - sleep until @x is signalled
 * @x: the completion
 */
void wait_for_completion(struct completion *x);

/**
 * wait_for_completion_timeout() - sleep until @x is signalled or time runs out
 * @x: the completion
 * @timeout: jiffies
 *
 * Return: 0 on timeout, else the jiffies left (at least 1).
 */
unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout);

/**
 * wait_for_completion_interruptible() - wait_for_completion(), or a signal
 * @x: the completion
 *
 * Return: 0 once signalled, or -ERESTARTSYS.
 */
int wait_for_completion_interruptible(struct completion *x) __must_check;

/**
 * try_wait_for_completion() - consume a signal without sleeping
 * @x: the completion
 *
 * Return: true if a signal was consumed.
 */
bool try_wait_for_completion(struct completion *x);

/**
 * completion_done() - test whether @x has unconsumed signals
 * @x: the completion
 *
 * Return: true if a wait would not sleep.
 */
bool completion_done(struct completion *x);

#endif /* _LINUX_COMPLETION_H */
