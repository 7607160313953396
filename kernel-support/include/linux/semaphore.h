/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Counting semaphores for the klp-lint user-space kernel headers.
 *
 * The user-space core implements the operations.  With one CPU and no
 * concurrency nobody ever waits for a semaphore here; what is modelled is
 * that down() and its variants may sleep, so calling them in atomic
 * context is reported (the shadow constructors and destructors of
 * shadow-ctor-dtor-sleeps, for example).  down_trylock() never sleeps.
 */
#ifndef _LINUX_SEMAPHORE_H
#define _LINUX_SEMAPHORE_H

#include <linux/compiler.h>
#include <linux/types.h>

/**
 * struct semaphore - a counting semaphore
 * @name: the semaphore's name, for diagnostics
 * @count: how many more down() calls succeed at once
 */
struct semaphore {
	const char *name;
	int count;
};

#define __SEMAPHORE_INITIALIZER(semname, n)	{ .name = #semname, .count = (n) }
#define DEFINE_SEMAPHORE(semname, n)					\
	struct semaphore semname = __SEMAPHORE_INITIALIZER(semname, n)

/**
 * sema_init() - initialise a semaphore at run time
 * @sem: the semaphore
 * @val: its initial count
 */
void sema_init(struct semaphore *sem, int val);

/**
 * down() - take the semaphore; may sleep
 * @sem: the semaphore
 */
void down(struct semaphore *sem);

/**
 * down_interruptible() - take the semaphore unless a signal arrives
 * @sem: the semaphore
 *
 * Return: 0 once taken, or -EINTR.
 */
int down_interruptible(struct semaphore *sem) __must_check;

/**
 * down_killable() - take the semaphore unless a fatal signal arrives
 * @sem: the semaphore
 *
 * Return: 0 once taken, or -EINTR.
 */
int down_killable(struct semaphore *sem) __must_check;

/**
 * down_timeout() - take the semaphore within @timeout jiffies
 * @sem: the semaphore
 * @timeout: how long to wait
 *
 * Return: 0 once taken, or -ETIME.
 */
int down_timeout(struct semaphore *sem, long timeout) __must_check;

/**
 * down_trylock() - take the semaphore if it is free; never sleeps
 * @sem: the semaphore
 *
 * Return: 0 if taken, 1 if not (the opposite of mutex_trylock()).
 */
int down_trylock(struct semaphore *sem) __must_check;

/**
 * up() - release the semaphore
 * @sem: the semaphore
 */
void up(struct semaphore *sem);

#endif /* _LINUX_SEMAPHORE_H */
