/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Sleeping mutexes for the klp-lint user-space kernel headers.
 *
 * The user-space core implements the operations; it reports taking a mutex
 * in atomic context and recursive locking.
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/compiler.h>
#include <linux/types.h>

/**
 * struct mutex - a sleeping lock
 * @name: the lock's name, for diagnostics
 * @locked: non-zero while held
 * @owner: opaque identity of the holder, set by the core
 */
struct mutex {
	const char *name;
	int locked;
	const void *owner;
};

#define __MUTEX_INITIALIZER(lockname)	{ .name = #lockname, .locked = 0 }
#define DEFINE_MUTEX(mutexname)						\
	struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

/**
 * klp_mutex_init() - initialise a mutex at run time
 * @lock: the mutex
 * @name: its name, for diagnostics
 */
void klp_mutex_init(struct mutex *lock, const char *name);
#define mutex_init(lock)	klp_mutex_init(lock, #lock)

/**
 * mutex_lock() - take a mutex; may sleep
 * @lock: the mutex
 */
void mutex_lock(struct mutex *lock);

/**
 * mutex_lock_interruptible() - take a mutex unless a signal arrives
 * @lock: the mutex
 *
 * Return: 0 once taken, or -EINTR.
 */
int mutex_lock_interruptible(struct mutex *lock) __must_check;

/**
 * mutex_trylock() - take a mutex if it is free
 * @lock: the mutex
 *
 * Return: 1 if taken, 0 if it was held.
 */
int mutex_trylock(struct mutex *lock);

/**
 * mutex_unlock() - release a mutex held by the caller
 * @lock: the mutex
 */
void mutex_unlock(struct mutex *lock);

/**
 * mutex_is_locked() - test whether a mutex is held by anyone
 * @lock: the mutex
 *
 * Return: true if held.
 */
bool mutex_is_locked(struct mutex *lock);

/* Lock dependency checking is the core's job; this only evaluates @lock. */
#define lockdep_assert_held(lock)	do { (void)(lock); } while (0)

#endif /* _LINUX_MUTEX_H */
