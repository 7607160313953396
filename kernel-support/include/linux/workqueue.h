/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Work queues for the klp-lint user-space kernel headers.
 *
 * Work items run in process context, in a (simulated) worker task; the
 * user-space core decides when.
 */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include <linux/compiler.h>
#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/types.h>

struct work_struct;
struct workqueue_struct;

typedef void (*work_func_t)(struct work_struct *work);

/**
 * struct work_struct - a deferred function call
 * @func: the function to run
 * @entry: link on the queue while pending
 * @pending: true from queueing until @func starts
 */
struct work_struct {
	work_func_t func;
	struct list_head entry;
	bool pending;
};

/**
 * struct delayed_work - a work item queued after a delay
 * @work: the work item
 * @expires: jiffies value at which @work is queued
 * @wq: the queue @work goes to
 */
struct delayed_work {
	struct work_struct work;
	unsigned long expires;
	struct workqueue_struct *wq;
};

#define __WORK_INITIALIZER(n, f)					\
	{ .func = (f), .entry = LIST_HEAD_INIT((n).entry), .pending = false }
#define __DELAYED_WORK_INITIALIZER(n, f)				\
	{ .work = __WORK_INITIALIZER((n).work, (f)), .expires = 0, .wq = NULL }

#define DECLARE_WORK(n, f)						\
	struct work_struct n = __WORK_INITIALIZER(n, f)
#define DECLARE_DELAYED_WORK(n, f)					\
	struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f)

#define INIT_WORK(_work, _func)						\
	do {								\
		(_work)->func = (_func);				\
		INIT_LIST_HEAD(&(_work)->entry);			\
		(_work)->pending = false;				\
	} while (0)
#define INIT_DELAYED_WORK(_dwork, _func)				\
	do {								\
		INIT_WORK(&(_dwork)->work, (_func));			\
		(_dwork)->expires = 0;					\
		(_dwork)->wq = NULL;					\
	} while (0)

/* Queued and not started yet. */
#define work_pending(work)		READ_ONCE((work)->pending)
#define delayed_work_pending(dwork)	work_pending(&(dwork)->work)

static inline struct delayed_work *to_delayed_work(struct work_struct *work)
{
	return container_of(work, struct delayed_work, work);
}

/* The shared queue behind schedule_work() and schedule_delayed_work(). */
extern struct workqueue_struct *system_wq;

/**
 * alloc_workqueue() - create a work queue
 * @fmt: printf-style name
 * @flags: WQ_* flags (ignored by the model)
 * @max_active: concurrency limit (ignored by the model)
 *
 * Return: the queue, or NULL on failure.
 */
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
					 int max_active, ...) __printf(1, 4);

/**
 * destroy_workqueue() - drain and free a work queue
 * @wq: the queue
 */
void destroy_workqueue(struct workqueue_struct *wq);

/**
 * queue_work() - queue @work on @wq unless it is already pending
 * @wq: the queue
 * @work: the work item
 *
 * Return: false if @work was already pending, true otherwise.
 */
bool queue_work(struct workqueue_struct *wq, struct work_struct *work);

/**
 * queue_delayed_work() - queue @dwork on @wq after @delay jiffies
 * @wq: the queue
 * @dwork: the work item
 * @delay: jiffies to wait first; 0 queues at once
 *
 * Return: false if @dwork was already pending, true otherwise.
 */
bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
			unsigned long delay);

/**
 * mod_delayed_work() - queue @dwork, or change the delay if already pending
 * @wq: the queue
 * @dwork: the work item
 * @delay: jiffies to wait
 *
 * Return: false if @dwork was idle, true if it was pending and is modified.
 */
bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
		      unsigned long delay);

/**
 * schedule_work() - queue @work on the shared queue
 * @work: the work item
 *
 * Return: false if @work was already pending, true otherwise.
 */
bool schedule_work(struct work_struct *work);

/**
 * schedule_delayed_work() - queue @dwork on the shared queue after a delay
 * @dwork: the work item
 * @delay: jiffies to wait first
 *
 * Return: false if @dwork was already pending, true otherwise.
 */
bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay);

/**
 * flush_work() - wait for the last queueing of @work to finish; sleeps
 * @work: the work item
 *
 * Return: true if the call waited, false if @work was idle.
 */
bool flush_work(struct work_struct *work);

/**
 * flush_delayed_work() - queue @dwork now if delayed, then wait for it
 * @dwork: the work item
 *
 * Return: true if the call waited, false if @dwork was idle.
 */
bool flush_delayed_work(struct delayed_work *dwork);

/**
 * cancel_work_sync() - cancel @work and wait for a running instance; sleeps
 * @work: the work item
 *
 * Return: true if @work was pending.
 */
bool cancel_work_sync(struct work_struct *work);

/**
 * cancel_delayed_work() - cancel a pending @dwork without waiting
 * @dwork: the work item
 *
 * Return: true if @dwork was pending.
 */
bool cancel_delayed_work(struct delayed_work *dwork);

/**
 * cancel_delayed_work_sync() - cancel @dwork and wait for it; sleeps
 * @dwork: the work item
 *
 * Return: true if @dwork was pending.
 */
bool cancel_delayed_work_sync(struct delayed_work *dwork);

/**
 * flush_workqueue() - wait for all work queued on @wq so far
 * @wq: the queue
 */
void flush_workqueue(struct workqueue_struct *wq);

/* Wait for everything queued on the system work queue. */
#define flush_scheduled_work()	flush_workqueue(system_wq)

#endif /* _LINUX_WORKQUEUE_H */
