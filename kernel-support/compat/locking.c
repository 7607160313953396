/*
 * Mutexes, spinlocks, RCU read-side sections and the atomic-context check.
 *
 * There is one CPU and no concurrency, so no lock ever has to wait.  What
 * the model keeps is what a lockdep/might_sleep kernel would report:
 *
 * - a spinlock, an RCU read-side section or disabled interrupts make the
 *   context atomic, and every sleeping primitive checks for that;
 * - taking a lock that is already held is a self-deadlock in the kernel.
 *   Here it is reported and then counted as a nested hold, so that the run
 *   goes on and the matching unlocks balance.
 */
#include <string.h>

#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/spinlock.h>

#include "compat.h"

/* Spinlocks and RCU read-side sections currently held. */
static int klp_atomic_count;
static bool klp_irqs_off;

static void atomic_push(void)
{
	klp_atomic_count++;
}

static void atomic_pop(void)
{
	if (klp_atomic_count > 0)
		klp_atomic_count--;
}

bool klp_sim_in_atomic(void)
{
	return klp_atomic_count > 0 || klp_irqs_off;
}

void klp_sim_reset_context(void)
{
	klp_atomic_count = 0;
	klp_irqs_off = false;
}

void klp_sim_might_sleep(const char *where)
{
	if (klp_sim_in_atomic())
		klp_sim_line("BUG: sleeping function called from invalid context at %s",
			      where);
}

void __might_sleep(const char *file, int line)
{
	char where[256];
	const char *base;

	if (!klp_sim_in_atomic())
		return;
	/* The base name only: build directories differ between machines. */
	base = strrchr(file, '/');
	snprintf(where, sizeof(where), "%s:%d", base ? base + 1 : file, line);
	klp_sim_might_sleep(where);
}

/* ------------------------------------------------------------------------
 * Mutexes
 */

void klp_mutex_init(struct mutex *lock, const char *name)
{
	lock->name = name;
	lock->locked = 0;
	lock->owner = NULL;
}

static void mutex_acquire(struct mutex *lock)
{
	if (lock->locked)
		klp_sim_line("WARNING: possible recursive locking detected: %s",
			      lock->name ? lock->name : "mutex");
	lock->locked++;
	lock->owner = get_current();
}

void mutex_lock(struct mutex *lock)
{
	klp_sim_might_sleep("mutex_lock");
	mutex_acquire(lock);
}

int mutex_lock_interruptible(struct mutex *lock)
{
	klp_sim_might_sleep("mutex_lock_interruptible");
	mutex_acquire(lock);
	return 0;
}

int mutex_trylock(struct mutex *lock)
{
	if (lock->locked)
		return 0;
	mutex_acquire(lock);
	return 1;
}

void mutex_unlock(struct mutex *lock)
{
	if (!lock->locked) {
		klp_sim_line("WARNING: bad unlock balance detected: %s",
			      lock->name ? lock->name : "mutex");
		return;
	}
	if (!--lock->locked)
		lock->owner = NULL;
}

bool mutex_is_locked(struct mutex *lock)
{
	return lock->locked > 0;
}

/* ------------------------------------------------------------------------
 * Spinlocks
 */

void klp_spin_lock_init(spinlock_t *lock, const char *name)
{
	lock->name = name;
	lock->locked = 0;
}

static const char *spin_name(spinlock_t *lock)
{
	return lock->name ? lock->name : "spinlock";
}

void spin_lock(spinlock_t *lock)
{
	if (lock->locked)
		klp_sim_line("WARNING: possible recursive locking detected: %s",
			      spin_name(lock));
	lock->locked++;
	atomic_push();
}

void spin_unlock(spinlock_t *lock)
{
	if (!lock->locked) {
		klp_sim_line("WARNING: bad unlock balance detected: %s",
			      spin_name(lock));
		return;
	}
	lock->locked--;
	atomic_pop();
}

int spin_trylock(spinlock_t *lock)
{
	if (lock->locked)
		return 0;
	spin_lock(lock);
	return 1;
}

void spin_lock_irq(spinlock_t *lock)
{
	klp_irqs_off = true;
	spin_lock(lock);
}

void spin_unlock_irq(spinlock_t *lock)
{
	spin_unlock(lock);
	klp_irqs_off = false;
}

void spin_lock_bh(spinlock_t *lock)
{
	spin_lock(lock);
}

void spin_unlock_bh(spinlock_t *lock)
{
	spin_unlock(lock);
}

bool spin_is_locked(spinlock_t *lock)
{
	return lock->locked > 0;
}

void klp_spin_lock_irqsave(spinlock_t *lock, unsigned long *flags)
{
	*flags = klp_irqs_off;
	klp_irqs_off = true;
	spin_lock(lock);
}

void klp_spin_unlock_irqrestore(spinlock_t *lock, unsigned long *flags)
{
	spin_unlock(lock);
	klp_irqs_off = *flags != 0;
}

/* ------------------------------------------------------------------------
 * RCU readers count as atomic: sleeping there is a bug in any kernel.
 */

void rcu_read_lock(void)
{
	atomic_push();
}

void rcu_read_unlock(void)
{
	atomic_pop();
}
