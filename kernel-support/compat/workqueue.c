// SPDX-License-Identifier: GPL-2.0-only
/*
 * Time, work queues and RCU callbacks.
 *
 * jiffies advance only in klp_sim_let_time_pass(), which the runner calls
 * between commands.  Work items run there, on behalf of the kworker task,
 * in the order they became due (queueing order for equal times).  There is
 * one queue behind every workqueue_struct: the model has one CPU and no
 * concurrency, so separate queues would only change the order of output.
 */
#include <stdlib.h>

#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#include "compat.h"

volatile unsigned long jiffies;

struct workqueue_struct {
	char name[32];
};

static struct workqueue_struct klp_system_wq = { .name = "events" };
struct workqueue_struct *system_wq = &klp_system_wq;

/* Work ready to run (work_struct.entry) and delayed work by expiry. */
static LIST_HEAD(klp_ready_work);
static LIST_HEAD(klp_delayed_work);

/* Callbacks of call_rcu() and kfree_rcu(), in order. */
struct klp_rcu_cb {
	struct klp_rcu_cb *next;
	struct rcu_head *head;
	rcu_callback_t func;
	void *ptr;
};
static struct klp_rcu_cb *klp_rcu_first, **klp_rcu_last = &klp_rcu_first;

/* A work item that keeps requeueing itself must not hang the runner. */
#define KLP_WORK_BUDGET	10000

/* Start @work on a kworker; it runs until it returns or sleeps. */
static void run_work(struct work_struct *work)
{
	list_del_init(&work->entry);
	/* Cleared first, so that the function may queue the item again. */
	work->pending = false;
	klp_sim_run_work_item(work);
}

static void run_rcu_callbacks(void)
{
	while (klp_rcu_first) {
		struct klp_rcu_cb *cb = klp_rcu_first;

		klp_rcu_first = cb->next;
		if (!klp_rcu_first)
			klp_rcu_last = &klp_rcu_first;
		if (cb->func)
			cb->func(cb->head);
		else
			kvfree(cb->ptr);
		free(cb);
	}
}

void klp_sim_run_queued_work(void)
{
	static bool warned;
	int budget = KLP_WORK_BUDGET;

	klp_sim_run_runnable();
	while (!list_empty(&klp_ready_work) && budget--) {
		run_work(list_first_entry(&klp_ready_work, struct work_struct,
					  entry));
		klp_sim_run_runnable();
	}
	if (!list_empty(&klp_ready_work) && !warned) {
		warned = true;
		klp_sim_event("klp-sim: work items keep requeueing themselves; stopped running them");
	}
	run_rcu_callbacks();
}

bool klp_sim_next_event(unsigned long *when)
{
	unsigned long timeout;
	bool found = false;

	if (!list_empty(&klp_delayed_work)) {
		*when = list_first_entry(&klp_delayed_work, struct delayed_work,
					 work.entry)->expires;
		found = true;
	}
	if (klp_sim_next_timeout(&timeout) &&
	    (!found || time_before(timeout, *when))) {
		*when = timeout;
		found = true;
	}
	return found;
}

/*
 * Move to each moment something is due, in order; at one moment, delayed
 * work items fall due first (in queueing order), then sleeping tasks whose
 * timeout expired wake up (in task order).
 */
void klp_sim_let_time_pass_until(unsigned long target)
{
	unsigned long when;

	klp_sim_run_queued_work();
	while (klp_sim_next_event(&when) && !time_after(when, target)) {
		if (time_after(when, jiffies))
			jiffies = when;
		while (!list_empty(&klp_delayed_work)) {
			struct delayed_work *dwork =
				list_first_entry(&klp_delayed_work,
						 struct delayed_work,
						 work.entry);

			if (time_after(dwork->expires, jiffies))
				break;
			list_move_tail(&dwork->work.entry, &klp_ready_work);
			klp_sim_run_queued_work();
		}
		klp_sim_wake_timeouts();
		klp_sim_run_queued_work();
	}
	if (time_after(target, jiffies))
		jiffies = target;
	klp_sim_run_queued_work();
}

void klp_sim_let_time_pass(unsigned long msecs)
{
	klp_sim_let_time_pass_until(jiffies + msecs);
}

/* ------------------------------------------------------------------------
 * The work queue API
 */

struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
					 int max_active, ...)
{
	struct workqueue_struct *wq;
	va_list args;

	(void)flags;
	(void)max_active;
	klp_sim_might_sleep("alloc_workqueue");
	wq = calloc(1, sizeof(*wq));
	if (!wq)
		return NULL;
	va_start(args, max_active);
	vsnprintf(wq->name, sizeof(wq->name), fmt, args);
	va_end(args);
	return wq;
}

void flush_workqueue(struct workqueue_struct *wq)
{
	(void)wq;
	klp_sim_might_sleep("flush_workqueue");
	klp_sim_run_queued_work();
}

void destroy_workqueue(struct workqueue_struct *wq)
{
	klp_sim_might_sleep("destroy_workqueue");
	klp_sim_run_queued_work();
	if (wq != system_wq)
		free(wq);
}

bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	(void)wq;
	if (work->pending)
		return false;
	work->pending = true;
	list_add_tail(&work->entry, &klp_ready_work);
	return true;
}

bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
			unsigned long delay)
{
	struct delayed_work *pos;

	if (dwork->work.pending)
		return false;
	dwork->wq = wq;
	if (!delay)
		return queue_work(wq, &dwork->work);

	dwork->work.pending = true;
	dwork->expires = jiffies + delay;
	/* Keep the list sorted; equal expiry times stay in queueing order. */
	list_for_each_entry(pos, &klp_delayed_work, work.entry)
		if (time_after(pos->expires, dwork->expires))
			break;
	list_add_tail(&dwork->work.entry, &pos->work.entry);
	return true;
}

static bool cancel_pending(struct work_struct *work)
{
	if (!work->pending)
		return false;
	list_del_init(&work->entry);
	work->pending = false;
	return true;
}

bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
		      unsigned long delay)
{
	bool was_pending = cancel_pending(&dwork->work);

	queue_delayed_work(wq, dwork, delay);
	return was_pending;
}

bool schedule_work(struct work_struct *work)
{
	return queue_work(system_wq, work);
}

bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay)
{
	return queue_delayed_work(system_wq, dwork, delay);
}

/* Sleep until no kworker runs @work any more. */
static bool wait_for_work(struct work_struct *work)
{
	struct task_struct *runner = klp_sim_work_runner(work);

	if (!runner || runner == current || klp_sim_in_atomic())
		return false;
	while (klp_sim_work_runner(work)) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		klp_sim_sleep_on(work);
	}
	return true;
}

bool flush_work(struct work_struct *work)
{
	bool ran = false;

	klp_sim_might_sleep("flush_work");
	if (work->pending) {
		run_work(work);
		ran = true;
	}
	return wait_for_work(work) || ran;
}

bool flush_delayed_work(struct delayed_work *dwork)
{
	bool ran = false;

	klp_sim_might_sleep("flush_delayed_work");
	if (dwork->work.pending) {
		run_work(&dwork->work);
		ran = true;
	}
	return wait_for_work(&dwork->work) || ran;
}

bool cancel_work_sync(struct work_struct *work)
{
	bool was_pending;

	klp_sim_might_sleep("cancel_work_sync");
	was_pending = cancel_pending(work);
	wait_for_work(work);
	return was_pending;
}

bool cancel_delayed_work(struct delayed_work *dwork)
{
	return cancel_pending(&dwork->work);
}

bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
	bool was_pending;

	klp_sim_might_sleep("cancel_delayed_work_sync");
	was_pending = cancel_pending(&dwork->work);
	wait_for_work(&dwork->work);
	return was_pending;
}

/* ------------------------------------------------------------------------
 * RCU: no readers ever run concurrently, so a grace period is immediate;
 * callbacks still wait for the next quiet point, as in the kernel.
 */

static void queue_rcu(struct rcu_head *head, rcu_callback_t func, void *ptr)
{
	struct klp_rcu_cb *cb = calloc(1, sizeof(*cb));

	if (!cb)
		abort();
	cb->head = head;
	cb->func = func;
	cb->ptr = ptr;
	*klp_rcu_last = cb;
	klp_rcu_last = &cb->next;
}

void call_rcu(struct rcu_head *head, rcu_callback_t func)
{
	queue_rcu(head, func, NULL);
}

void kvfree_call_rcu(struct rcu_head *head, void *ptr)
{
	queue_rcu(head, NULL, ptr);
}

void synchronize_rcu(void)
{
	klp_sim_might_sleep("synchronize_rcu");
}

void rcu_barrier(void)
{
	klp_sim_might_sleep("rcu_barrier");
	run_rcu_callbacks();
}
