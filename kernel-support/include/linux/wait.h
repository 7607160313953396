/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Wait queues: sleep until a condition holds, woken by wake_up().
 *
 * A sleeping task is parked by the scheduler of the model (see
 * docs/kernel-support.md, "Sleeping") until wake_up() on its queue makes it
 * runnable again; wait_event*() re-check the condition after every wakeup,
 * as in the kernel.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/compiler.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/types.h>

/**
 * struct wait_queue_entry - one sleeper on a wait queue
 * @flags:	WQ_FLAG_*
 * @private:	the sleeping task
 * @entry:	link in the queue
 */
struct wait_queue_entry {
	unsigned int flags;
	void *private;
	struct list_head entry;
};

#define WQ_FLAG_EXCLUSIVE	0x01

/**
 * struct wait_queue_head - a wait queue
 * @lock:	protects @head
 * @head:	the sleepers, oldest first
 */
struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;
typedef struct wait_queue_entry wait_queue_entry_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) {				\
	.lock = __SPIN_LOCK_UNLOCKED(name.lock),			\
	.head = LIST_HEAD_INIT(name.head) }

#define DECLARE_WAIT_QUEUE_HEAD(name)					\
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

static inline void init_waitqueue_head(struct wait_queue_head *wq_head)
{
	spin_lock_init(&wq_head->lock);
	INIT_LIST_HEAD(&wq_head->head);
}

#define DEFINE_WAIT(name)						\
	struct wait_queue_entry name = {				\
		.private = current,					\
		.entry = LIST_HEAD_INIT(name.entry),			\
	}

static inline bool waitqueue_active(struct wait_queue_head *wq_head)
{
	return !list_empty(&wq_head->head);
}

/* Queue the current task on @wq_head (once) and set its state. */
void prepare_to_wait(struct wait_queue_head *wq_head,
		     struct wait_queue_entry *wq_entry, int state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state);
/* Leave the queue and become TASK_RUNNING again. */
void finish_wait(struct wait_queue_head *wq_head,
		 struct wait_queue_entry *wq_entry);

/* Wake up to @nr exclusive sleepers (0: all) and every other one. */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr,
	       void *key);

#define wake_up(x)			__wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_nr(x, nr)		__wake_up(x, TASK_NORMAL, nr, NULL)
#define wake_up_all(x)			__wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_interruptible(x)	__wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_all(x)	__wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)

/*
 * The loop behind every wait_event*(): queue, test, sleep for at most
 * @timeout jiffies (MAX_SCHEDULE_TIMEOUT: no limit), test again.
 * Evaluates to the time left, at least 1 if the condition became true,
 * or 0 if the time ran out first.
 */
#define ___wait_event(wq_head, condition, state, timeout)		\
({									\
	DEFINE_WAIT(__wq_entry);					\
	long __timeout = (timeout);					\
									\
	might_sleep();							\
	for (;;) {							\
		prepare_to_wait(&(wq_head), &__wq_entry, state);	\
		if (condition)						\
			break;						\
		if (!__timeout) 					\
			break;						\
		__timeout = schedule_timeout(__timeout);		\
	}								\
	finish_wait(&(wq_head), &__wq_entry);				\
	(condition) && !__timeout ? 1L : __timeout;			\
})

#define wait_event(wq_head, condition)					\
	do {								\
		(void)___wait_event(wq_head, condition,			\
				    TASK_UNINTERRUPTIBLE,		\
				    MAX_SCHEDULE_TIMEOUT);		\
	} while (0)

#define wait_event_timeout(wq_head, condition, timeout)		\
	___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, timeout)

/* No signals in the model: interruptible waits end only by a wakeup. */
#define wait_event_interruptible(wq_head, condition)			\
	((void)___wait_event(wq_head, condition, TASK_INTERRUPTIBLE,	\
			     MAX_SCHEDULE_TIMEOUT), 0)

#define wait_event_interruptible_timeout(wq_head, condition, timeout)	\
	___wait_event(wq_head, condition, TASK_INTERRUPTIBLE, timeout)

#define wait_event_killable(wq_head, condition)			\
	wait_event_interruptible(wq_head, condition)

#endif /* _LINUX_WAIT_H */
