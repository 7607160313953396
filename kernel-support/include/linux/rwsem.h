/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Read-write semaphores for the klp-lint user-space kernel headers.
 *
 * As for struct semaphore (linux/semaphore.h): nobody ever waits here, and
 * what is modelled is that down_read() and down_write() may sleep.  The
 * trylock variants never sleep.
 */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include <linux/compiler.h>
#include <linux/types.h>

/**
 * struct rw_semaphore - a read-write semaphore
 * @name: its name, for diagnostics
 * @readers: readers holding it
 * @writer: non-zero while a writer holds it
 */
struct rw_semaphore {
	const char *name;
	int readers;
	int writer;
};

#define __RWSEM_INITIALIZER(name)	{ .name = #name }
#define DECLARE_RWSEM(name)	struct rw_semaphore name = __RWSEM_INITIALIZER(name)

/**
 * klp_init_rwsem() - initialise a read-write semaphore at run time
 * @sem: the semaphore
 * @name: its name, for diagnostics
 */
void klp_init_rwsem(struct rw_semaphore *sem, const char *name);
#define init_rwsem(sem)		klp_init_rwsem(sem, #sem)

/* down_read(), down_write(): take it for reading or writing; may sleep. */
void down_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
/* The trylock variants return 1 if taken, 0 if not; they never sleep. */
int down_read_trylock(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
/* downgrade_write() - turn a held write lock into a read lock; never sleeps */
void downgrade_write(struct rw_semaphore *sem);

#endif /* _LINUX_RWSEM_H */
