// SPDX-License-Identifier: GPL-2.0-only
/*
 * Mutexes, semaphores, spinlocks, RCU read-side sections and the
 * atomic-context check.
 *
 * There is one CPU and no concurrency, so no lock ever has to wait.  What
 * the model keeps is what a lockdep/might_sleep kernel would report:
 *
 * - a spinlock, an RCU read-side section or disabled interrupts make the
 *   context atomic, and every sleeping primitive checks for that;
 * - taking a lock that is already held is a self-deadlock in the kernel.
 *   Here it is reported and then counted as a nested hold, so that the run
 *   goes on and the matching unlocks balance;
 * - a report names the callee the atomic section runs, when the code that
 *   entered it said which (klp_sim_atomic_callee_enter()): a shadow
 *   constructor or destructor, say, which a kernel's call trace would show.
 */
#include <string.h>

#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/rwsem.h>
#include <linux/semaphore.h>
#include <linux/spinlock.h>

#include "compat.h"

/* Spinlocks and RCU read-side sections currently held. */
static int klp_atomic_count;
static bool klp_irqs_off;

/* The callees of atomic sections being run, innermost last. */
#define KLP_ATOMIC_CALLEE_DEPTH	8

static struct {
	const char *what;
	const char *lock;
	const void *fn;
} klp_atomic_callees[KLP_ATOMIC_CALLEE_DEPTH];
static int klp_nr_atomic_callees;

void klp_sim_atomic_callee_enter(const char *what, const char *lock,
				 const void *fn)
{
	if (klp_nr_atomic_callees < KLP_ATOMIC_CALLEE_DEPTH) {
		klp_atomic_callees[klp_nr_atomic_callees].what = what;
		klp_atomic_callees[klp_nr_atomic_callees].lock = lock;
		klp_atomic_callees[klp_nr_atomic_callees].fn = fn;
	}
	klp_nr_atomic_callees++;
}

void klp_sim_atomic_callee_exit(void)
{
	if (klp_nr_atomic_callees > 0)
		klp_nr_atomic_callees--;
}

/* The line that follows a report made while such a callee runs. */
static void report_atomic_callee(void)
{
	char name[KLP_SIM_DESC_LEN];
	int i = klp_nr_atomic_callees - 1;

	if (i < 0)
		return;
	if (i >= KLP_ATOMIC_CALLEE_DEPTH)
		i = KLP_ATOMIC_CALLEE_DEPTH - 1;
	klp_sim_describe(klp_atomic_callees[i].fn, name, sizeof(name));
	klp_sim_line("in %s %s under %s", klp_atomic_callees[i].what, name,
		     klp_atomic_callees[i].lock);
}

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
	klp_nr_atomic_callees = 0;
}

void klp_sim_might_sleep(const char *where)
{
	if (!klp_sim_in_atomic())
		return;
	klp_sim_line("BUG: sleeping function called from invalid context at %s",
		     where);
	report_atomic_callee();
}

static void report_recursion(const char *name)
{
	klp_sim_line("WARNING: possible recursive locking detected: %s", name);
	report_atomic_callee();
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
		report_recursion(lock->name ? lock->name : "mutex");
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
		report_recursion(spin_name(lock));
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

/* ------------------------------------------------------------------------
 * Semaphores: nobody ever waits, but taking one may sleep.
 */

void sema_init(struct semaphore *sem, int val)
{
	sem->name = "semaphore";
	sem->count = val;
}

static int sem_take(struct semaphore *sem, const char *where)
{
	klp_sim_might_sleep(where);
	/* One CPU, no other task holds it: a count of 0 would wait forever. */
	if (sem->count <= 0)
		klp_sim_line("WARNING: %s on %s, which nobody will release",
			     where, sem->name ? sem->name : "semaphore");
	sem->count--;
	return 0;
}

void down(struct semaphore *sem)
{
	sem_take(sem, "down");
}

int down_interruptible(struct semaphore *sem)
{
	return sem_take(sem, "down_interruptible");
}

int down_killable(struct semaphore *sem)
{
	return sem_take(sem, "down_killable");
}

int down_timeout(struct semaphore *sem, long timeout)
{
	(void)timeout;
	return sem_take(sem, "down_timeout");
}

int down_trylock(struct semaphore *sem)
{
	if (sem->count <= 0)
		return 1;
	sem->count--;
	return 0;
}

void up(struct semaphore *sem)
{
	sem->count++;
}

void klp_init_rwsem(struct rw_semaphore *sem, const char *name)
{
	sem->name = name;
	sem->readers = 0;
	sem->writer = 0;
}

static const char *rwsem_name(struct rw_semaphore *sem)
{
	return sem->name ? sem->name : "rw_semaphore";
}

void down_read(struct rw_semaphore *sem)
{
	klp_sim_might_sleep("down_read");
	if (sem->writer)
		report_recursion(rwsem_name(sem));
	sem->readers++;
}

void down_write(struct rw_semaphore *sem)
{
	klp_sim_might_sleep("down_write");
	if (sem->writer || sem->readers)
		report_recursion(rwsem_name(sem));
	sem->writer++;
}

int down_read_trylock(struct rw_semaphore *sem)
{
	if (sem->writer)
		return 0;
	sem->readers++;
	return 1;
}

int down_write_trylock(struct rw_semaphore *sem)
{
	if (sem->writer || sem->readers)
		return 0;
	sem->writer++;
	return 1;
}

void up_read(struct rw_semaphore *sem)
{
	if (sem->readers > 0)
		sem->readers--;
}

void up_write(struct rw_semaphore *sem)
{
	if (sem->writer > 0)
		sem->writer--;
}

void downgrade_write(struct rw_semaphore *sem)
{
	if (sem->writer > 0) {
		sem->writer--;
		sem->readers++;
	}
}
