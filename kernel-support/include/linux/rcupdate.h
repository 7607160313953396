/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Read-copy-update for the klp-lint user-space kernel headers.
 * struct rcu_head is in <linux/types.h>.
 */
#ifndef _LINUX_RCUPDATE_H
#define _LINUX_RCUPDATE_H

#include <linux/compiler.h>
#include <linux/types.h>

typedef void (*rcu_callback_t)(struct rcu_head *head);

/**
 * rcu_read_lock() - enter an RCU read-side critical section; must not sleep
 */
void rcu_read_lock(void);

/**
 * rcu_read_unlock() - leave an RCU read-side critical section
 */
void rcu_read_unlock(void);

/**
 * synchronize_rcu() - wait until all current readers have finished; sleeps
 */
void synchronize_rcu(void);

/**
 * rcu_barrier() - wait until all queued call_rcu() callbacks have run
 */
void rcu_barrier(void);

/**
 * call_rcu() - run @func after all current readers have finished
 * @head: link inside the object to pass to @func
 * @func: the callback
 */
void call_rcu(struct rcu_head *head, rcu_callback_t func);

/**
 * kvfree_call_rcu() - free @ptr after all current readers have finished
 * @head: link inside the object
 * @ptr: start of the object
 */
void kvfree_call_rcu(struct rcu_head *head, void *ptr);

/* @rhf names the struct rcu_head member of *@ptr. */
#define kfree_rcu(ptr, rhf)						\
	kvfree_call_rcu(&((ptr)->rhf), (void *)(ptr))

#define rcu_dereference(p)		READ_ONCE(p)
#define rcu_dereference_protected(p, c)	(p)
#define rcu_access_pointer(p)		READ_ONCE(p)
#define rcu_assign_pointer(p, v)					\
	do {								\
		__atomic_thread_fence(__ATOMIC_RELEASE);		\
		WRITE_ONCE(p, v);					\
	} while (0)
#define RCU_INIT_POINTER(p, v)		WRITE_ONCE(p, v)

#endif /* _LINUX_RCUPDATE_H */
