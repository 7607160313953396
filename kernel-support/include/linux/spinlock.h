/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Spinlocks for the klp-lint user-space kernel headers.
 *
 * The user-space core implements the operations and tracks which locks are
 * held, so that sleeping and recursive locking under a spinlock are reported.
 * The irqsave variants are macros because they assign to @flags.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/types.h>

/**
 * struct spinlock - a non-sleeping lock
 * @name: the lock's name, for diagnostics
 * @locked: non-zero while held
 */
typedef struct spinlock {
	const char *name;
	int locked;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(lockname)	{ .name = #lockname, .locked = 0 }
#define DEFINE_SPINLOCK(x)		spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

/**
 * klp_spin_lock_init() - initialise a spinlock at run time
 * @lock: the lock
 * @name: its name, for diagnostics
 */
void klp_spin_lock_init(spinlock_t *lock, const char *name);
#define spin_lock_init(lock)	klp_spin_lock_init(lock, #lock)

void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
int spin_trylock(spinlock_t *lock);
void spin_lock_irq(spinlock_t *lock);
void spin_unlock_irq(spinlock_t *lock);
void spin_lock_bh(spinlock_t *lock);
void spin_unlock_bh(spinlock_t *lock);
bool spin_is_locked(spinlock_t *lock);

/**
 * klp_spin_lock_irqsave() - take @lock with interrupts disabled
 * @lock: the lock
 * @flags: receives the interrupt state to restore on unlock
 */
void klp_spin_lock_irqsave(spinlock_t *lock, unsigned long *flags);

/**
 * klp_spin_unlock_irqrestore() - release @lock, restoring interrupt state
 * @lock: the lock
 * @flags: the value stored by the matching spin_lock_irqsave()
 */
void klp_spin_unlock_irqrestore(spinlock_t *lock, unsigned long *flags);

#define spin_lock_irqsave(lock, flags)					\
	klp_spin_lock_irqsave(lock, &(flags))
#define spin_unlock_irqrestore(lock, flags)				\
	klp_spin_unlock_irqrestore(lock, &(flags))

#define assert_spin_locked(lock)	WARN_ON(!spin_is_locked(lock))

#endif /* _LINUX_SPINLOCK_H */
