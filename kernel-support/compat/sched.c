// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tasks, the scheduler, sleeping and completions.
 *
 * Tasks are records; the shell task "main" runs the scenario's commands on
 * the runner's own stack.  Work items run on kworker tasks, each with a
 * coroutine (ucontext) of its own, so that a work function can sleep in
 * msleep(), wait_event*() or wait_for_completion() and be resumed later,
 * exactly where it slept, with its frames still on its stack.  Switching
 * happens only where a task sleeps and where the runner lets time pass:
 * there are no threads and nothing is left to chance.  When "main" sleeps
 * it runs the other tasks, and lets simulated time pass, until it is
 * woken.
 *
 * A scenario can also leave a record-only task "asleep" inside a function
 * (block <task> in <func>); such a task has no coroutine.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/livepatch.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include "compat.h"

LIST_HEAD(klp_sim_tasks);

static struct klp_task klp_main_task = {
	.task = {
		.pid = 1,
		.comm = "main",
		.patch_state = KLP_TRANSITION_IDLE,
	},
};

static struct klp_task klp_kworker_task = {
	.task = {
		.pid = 2,
		.comm = "kworker/0:1",
		.patch_state = KLP_TRANSITION_IDLE,
	},
	.kworker = true,
};

struct task_struct *klp_sim_main_task = &klp_main_task.task;
struct task_struct *klp_sim_kworker_task = &klp_kworker_task.task;

static struct task_struct *klp_current = &klp_main_task.task;
static pid_t klp_next_pid = 3;

/* The two system tasks exist before anything else runs. */
__attribute__((constructor))
static void klp_sim_tasks_init(void)
{
	list_add_tail(&klp_main_task.node, &klp_sim_tasks);
	list_add_tail(&klp_kworker_task.node, &klp_sim_tasks);
}

struct task_struct *get_current(void)
{
	return klp_current;
}

struct task_struct *klp_sim_set_current(struct task_struct *task)
{
	struct task_struct *prev = klp_current;

	klp_current = task;
	return prev;
}

struct task_struct *klp_sim_find_task(const char *name, bool create)
{
	struct klp_task *kt;

	klp_for_each_task(kt)
		if (!strncmp(kt->task.comm, name, TASK_COMM_LEN - 1))
			return &kt->task;
	if (!create)
		return NULL;

	kt = calloc(1, sizeof(*kt));
	if (!kt)
		return NULL;
	kt->task.pid = klp_next_pid++;
	snprintf(kt->task.comm, sizeof(kt->task.comm), "%s", name);
	/*
	 * A new task is forked from the shell that runs the scenario, and
	 * inherits its livepatch state as the kernel's fork does: a task
	 * created mid-transition must not run code older than its parent's.
	 */
	kt->task.patch_state = klp_main_task.task.patch_state;
	kt->patch_pending = klp_main_task.patch_pending;
	list_add_tail(&kt->node, &klp_sim_tasks);
	return &kt->task;
}

/* ------------------------------------------------------------------------
 * Coroutines
 */

#if defined(__SANITIZE_ADDRESS__)
#define KLP_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KLP_ASAN 1
#endif
#endif

#ifdef KLP_ASAN
/* AddressSanitizer must know which stack is in use (fiber switching). */
void __sanitizer_start_switch_fiber(void **fake_stack_save, const void *bottom,
				    size_t size);
void __sanitizer_finish_switch_fiber(void *fake_stack_save,
				     const void **bottom_old, size_t *size_old);
#endif

#define KLP_CO_STACK	(512 * 1024)

/**
 * struct klp_coroutine - the execution context of a kworker
 * @ctx:	its saved registers while suspended
 * @back:	the context that resumed it; sleeping returns there
 * @stack:	its stack
 * @suspended:	it slept in the middle of a work function
 * @sleep_fp:	the frame pointer where it slept, for stack traces
 * @back_bottom: the resumer's stack, for the sanitizer
 * @back_size:	its size
 */
struct klp_coroutine {
	ucontext_t ctx;
	ucontext_t back;
	char *stack;
	bool suspended;
	unsigned long sleep_fp;
	const void *back_bottom;
	size_t back_size;
};

static struct klp_task *klp_starting;

/* Out of line: swapcontext() returns twice; keep callers' locals out. */
static noinline void co_switch_in(struct klp_coroutine *co)
{
#ifdef KLP_ASAN
	void *fake = NULL;

	__sanitizer_start_switch_fiber(&fake, co->stack, KLP_CO_STACK);
	swapcontext(&co->back, &co->ctx);
	__sanitizer_finish_switch_fiber(fake, NULL, NULL);
#else
	swapcontext(&co->back, &co->ctx);
#endif
}

/* From inside the coroutine back to whoever resumed it. */
static noinline void co_switch_out(struct klp_coroutine *co, bool dying)
{
#ifdef KLP_ASAN
	void *fake = NULL;

	__sanitizer_start_switch_fiber(dying ? NULL : &fake, co->back_bottom,
				       co->back_size);
	swapcontext(&co->ctx, &co->back);
	__sanitizer_finish_switch_fiber(fake, &co->back_bottom,
					&co->back_size);
#else
	(void)dying;
	swapcontext(&co->ctx, &co->back);
#endif
}

static void wake_work_waiters(struct work_struct *work);

/* A kworker's life: run the work item it was given, then give up the CPU. */
static void kworker_entry(void)
{
	struct klp_task *kt = klp_starting;
	struct klp_coroutine *co = kt->co;
	struct work_struct *work = kt->work;

#ifdef KLP_ASAN
	__sanitizer_finish_switch_fiber(NULL, &co->back_bottom, &co->back_size);
#endif
	work->func(work);
	kt->work = NULL;
	wake_work_waiters(work);
	co_switch_out(co, true);
	__builtin_unreachable();
}

static unsigned int klp_nr_kworkers = 1;

static struct klp_task *new_kworker(void)
{
	struct klp_task *kt = calloc(1, sizeof(*kt));

	if (!kt)
		abort();
	kt->task.pid = klp_next_pid++;
	snprintf(kt->task.comm, sizeof(kt->task.comm), "kworker/0:%u",
		 ++klp_nr_kworkers);
	kt->task.patch_state = klp_main_task.task.patch_state;
	kt->patch_pending = klp_main_task.patch_pending;
	kt->kworker = true;
	list_add_tail(&kt->node, &klp_sim_tasks);
	return kt;
}

static struct klp_task *idle_kworker(void)
{
	struct klp_task *kt;

	klp_for_each_task(kt)
		if (kt->kworker && !kt->work)
			return kt;
	return new_kworker();
}

static void co_resume(struct klp_task *kt)
{
	struct task_struct *prev = klp_sim_set_current(&kt->task);

	kt->co->suspended = false;
	co_switch_in(kt->co);
	klp_sim_set_current(prev);
}

/* A fresh start at kworker_entry() on the coroutine's stack. */
static noinline void co_prepare(struct klp_coroutine *co)
{
	getcontext(&co->ctx);
	co->ctx.uc_stack.ss_sp = co->stack;
	co->ctx.uc_stack.ss_size = KLP_CO_STACK;
	co->ctx.uc_link = NULL;
	makecontext(&co->ctx, kworker_entry, 0);
}

void klp_sim_run_work_item(struct work_struct *work)
{
	struct klp_task *kt = idle_kworker();
	struct klp_coroutine *co = kt->co;

	if (!co) {
		co = calloc(1, sizeof(*co));
		if (!co)
			abort();
		co->stack = malloc(KLP_CO_STACK);
		if (!co->stack)
			abort();
		kt->co = co;
	}
	co_prepare(co);

	kt->work = work;
	kt->state = TASK_RUNNING;
	klp_starting = kt;
	co_resume(kt);
}

struct task_struct *klp_sim_work_runner(struct work_struct *work)
{
	struct klp_task *kt;

	klp_for_each_task(kt)
		if (kt->kworker && kt->work == work)
			return &kt->task;
	return NULL;
}

bool klp_sim_run_runnable(void)
{
	struct klp_task *kt;
	bool ran = false;

again:
	klp_for_each_task(kt) {
		if (kt->co && kt->co->suspended && kt->state == TASK_RUNNING &&
		    &kt->task != klp_current) {
			co_resume(kt);
			ran = true;
			/* The list may have grown: start over, in order. */
			goto again;
		}
	}
	return ran;
}

bool klp_sim_next_timeout(unsigned long *when)
{
	struct klp_task *kt;
	bool found = false;

	klp_for_each_task(kt) {
		if (kt->state == TASK_RUNNING || !kt->timer)
			continue;
		if (!found || time_before(kt->wake_at, *when))
			*when = kt->wake_at;
		found = true;
	}
	return found;
}

void klp_sim_wake_timeouts(void)
{
	struct klp_task *kt;

	klp_for_each_task(kt)
		if (kt->state != TASK_RUNNING && kt->timer &&
		    !time_after(kt->wake_at, jiffies))
			wake_up_process(&kt->task);
}

void klp_sim_sched_oops(void)
{
	struct klp_task *kt;

	/* A kworker the oops hit never comes back; its item is dropped. */
	klp_for_each_task(kt) {
		if (kt->co && !kt->co->suspended && kt->work) {
			kt->work = NULL;
			kt->state = TASK_RUNNING;
		}
	}
	klp_main_task.state = TASK_RUNNING;
}

/* ------------------------------------------------------------------------
 * Sleeping and waking
 */

/* The shell gives up after this long asleep: the kernel's hung task limit. */
#define KLP_HUNG_TASK_MS	(120 * 1000)

/*
 * The shell sleeps: run everything else, letting time pass to the next
 * timeout or delayed work, until something wakes it.
 */
static void main_sleep(void)
{
	unsigned long start = jiffies, when;

	while (klp_main_task.state != TASK_RUNNING) {
		if (klp_sim_run_runnable())
			continue;
		klp_sim_run_queued_work();
		if (klp_main_task.state == TASK_RUNNING)
			break;
		if (klp_sim_next_event(&when) &&
		    !time_after(when, start + KLP_HUNG_TASK_MS)) {
			klp_sim_let_time_pass_until(when);
			continue;
		}
		klp_sim_oops("INFO: task %s:%d blocked for more than %d seconds.",
			     klp_main_task.task.comm, klp_main_task.task.pid,
			     KLP_HUNG_TASK_MS / 1000);
	}
	klp_main_task.timer = false;
}

/* Give up the CPU: the current task's state says whether it sleeps. */
static void klp_sleep(void)
{
	struct klp_task *kt = to_klp_task(current);

	if (kt->state == TASK_RUNNING)
		return;
	if (kt == &klp_main_task) {
		main_sleep();
		return;
	}
	if (!kt->co) {
		/* A record-only task never runs code; nothing can wake it. */
		kt->state = TASK_RUNNING;
		return;
	}
	kt->co->sleep_fp = (unsigned long)__builtin_frame_address(0);
	kt->co->suspended = true;
	co_switch_out(kt->co, false);
	kt->timer = false;
}

void klp_sim_sleep_on(const void *chan)
{
	struct klp_task *kt = to_klp_task(current);

	kt->wait_chan = chan;
	klp_sleep();
	kt->wait_chan = NULL;
}

int klp_sim_wake_chan(const void *chan, int nr)
{
	struct klp_task *kt;
	int woken = 0;

	klp_for_each_task(kt) {
		if (kt->state == TASK_RUNNING || kt->wait_chan != chan)
			continue;
		woken += wake_up_process(&kt->task);
		if (nr && woken == nr)
			break;
	}
	return woken;
}

int wake_up_process(struct task_struct *p)
{
	struct klp_task *kt = to_klp_task(p);

	if (kt->state == TASK_RUNNING)
		return 0;
	kt->state = TASK_RUNNING;
	kt->timer = false;
	return 1;
}

void klp_set_current_state(unsigned int state)
{
	to_klp_task(current)->state = state;
}

void schedule(void)
{
	klp_sim_might_sleep("schedule");
	if (klp_sim_in_atomic()) {
		__set_current_state(TASK_RUNNING);
		return;
	}
	klp_sleep();
}

static long __schedule_timeout(long timeout, const char *where)
{
	struct klp_task *kt = to_klp_task(current);
	unsigned long expire;
	long left;

	klp_sim_might_sleep(where);
	if (klp_sim_in_atomic()) {
		/* Reported above; sleeping would hide what follows. */
		kt->state = TASK_RUNNING;
		return 0;
	}
	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		klp_sleep();
		return timeout;
	}
	if (timeout < 0)
		timeout = 0;
	expire = jiffies + timeout;
	kt->timer = true;
	kt->wake_at = expire;
	klp_sleep();
	kt->timer = false;
	left = (long)(expire - jiffies);
	return left < 0 ? 0 : left;
}

long schedule_timeout(long timeout)
{
	return __schedule_timeout(timeout, "schedule_timeout");
}

long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_killable(long timeout)
{
	__set_current_state(TASK_KILLABLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_idle(long timeout)
{
	__set_current_state(TASK_IDLE);
	return schedule_timeout(timeout);
}

int cond_resched(void)
{
	klp_sim_might_sleep("cond_resched");
	return 0;
}

int signal_pending(struct task_struct *p)
{
	(void)p;
	return 0;
}

/* ------------------------------------------------------------------------
 * Wait queues
 */

static void __prepare_to_wait(struct wait_queue_head *wq_head,
			      struct wait_queue_entry *wq_entry, int state,
			      bool exclusive)
{
	wq_entry->private = current;
	if (list_empty(&wq_entry->entry)) {
		if (exclusive)
			wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
		list_add_tail(&wq_entry->entry, &wq_head->head);
	}
	set_current_state(state);
}

void prepare_to_wait(struct wait_queue_head *wq_head,
		     struct wait_queue_entry *wq_entry, int state)
{
	__prepare_to_wait(wq_head, wq_entry, state, false);
}

void prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state)
{
	__prepare_to_wait(wq_head, wq_entry, state, true);
}

void finish_wait(struct wait_queue_head *wq_head,
		 struct wait_queue_entry *wq_entry)
{
	(void)wq_head;
	__set_current_state(TASK_RUNNING);
	if (!list_empty(&wq_entry->entry))
		list_del_init(&wq_entry->entry);
}

void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr,
	       void *key)
{
	struct wait_queue_entry *e;

	(void)mode;
	(void)key;
	list_for_each_entry(e, &wq_head->head, entry) {
		if (wake_up_process(e->private) &&
		    (e->flags & WQ_FLAG_EXCLUSIVE) && nr && !--nr)
			break;
	}
}

/* ------------------------------------------------------------------------
 * Delays: sleeping ones sleep (outside atomic context), busy ones return.
 */

void msleep(unsigned int msecs)
{
	long timeout = msecs_to_jiffies(msecs) + 1;

	klp_sim_might_sleep("msleep");
	if (klp_sim_in_atomic())
		return;
	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}

unsigned long msleep_interruptible(unsigned int msecs)
{
	long timeout = msecs_to_jiffies(msecs) + 1;

	klp_sim_might_sleep("msleep_interruptible");
	if (klp_sim_in_atomic())
		return 0;
	while (timeout)
		timeout = schedule_timeout_interruptible(timeout);
	return 0;
}

void ssleep(unsigned int seconds)
{
	msleep(seconds * 1000);
}

void usleep_range(unsigned long min, unsigned long max)
{
	(void)max;
	msleep((min + 999) / 1000);
}

void fsleep(unsigned long usecs)
{
	msleep((usecs + 999) / 1000);
}

void udelay(unsigned long usecs)
{
	(void)usecs;
}

void ndelay(unsigned long nsecs)
{
	(void)nsecs;
}

void mdelay(unsigned long msecs)
{
	(void)msecs;
}

/* ------------------------------------------------------------------------
 * Completions: the waiter sleeps on the completion itself.
 */

#define COMPLETE_ALL	(UINT_MAX / 2)

void complete(struct completion *x)
{
	if (x->done < COMPLETE_ALL)
		x->done++;
	klp_sim_wake_chan(x, 1);
}

void complete_all(struct completion *x)
{
	x->done = COMPLETE_ALL;
	klp_sim_wake_chan(x, 0);
}

bool try_wait_for_completion(struct completion *x)
{
	if (!x->done)
		return false;
	if (x->done < COMPLETE_ALL)
		x->done--;
	return true;
}

bool completion_done(struct completion *x)
{
	return x->done > 0;
}

static long wait_for_common(struct completion *x, long timeout,
			    const char *where)
{
	klp_sim_might_sleep(where);
	if (klp_sim_in_atomic())
		return try_wait_for_completion(x) ? 1 : 0;
	while (!x->done && timeout) {
		struct klp_task *kt = to_klp_task(current);
		unsigned long expire = jiffies + timeout;

		kt->state = TASK_UNINTERRUPTIBLE;
		if (timeout != MAX_SCHEDULE_TIMEOUT) {
			kt->timer = true;
			kt->wake_at = expire;
		}
		klp_sim_sleep_on(x);
		kt->timer = false;
		if (timeout != MAX_SCHEDULE_TIMEOUT) {
			long left = (long)(expire - jiffies);

			timeout = left < 0 ? 0 : left;
		}
	}
	if (!try_wait_for_completion(x))
		return 0;
	return timeout ? timeout : 1;
}

void wait_for_completion(struct completion *x)
{
	wait_for_common(x, MAX_SCHEDULE_TIMEOUT, "wait_for_completion");
}

unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout)
{
	return wait_for_common(x, timeout, "wait_for_completion_timeout");
}

int wait_for_completion_interruptible(struct completion *x)
{
	wait_for_common(x, MAX_SCHEDULE_TIMEOUT,
			"wait_for_completion_interruptible");
	return 0;
}

/* ------------------------------------------------------------------------
 * Work items that others wait for
 */

static void wake_work_waiters(struct work_struct *work)
{
	klp_sim_wake_chan(work, 0);
}

/* ------------------------------------------------------------------------
 * Stack traces
 */

/* Walk the frame-pointer chain from @fp inside [@lo, @hi). */
static int walk_frames(unsigned long fp, unsigned long lo, unsigned long hi,
		       unsigned long *store, unsigned int size)
{
	unsigned int n = 0;

	while (fp >= lo && fp + 2 * sizeof(long) <= hi && !(fp & 7)) {
		unsigned long *frame = (unsigned long *)fp;

		if (n == size)
			return -E2BIG;
		if (!frame[1])
			break;
		store[n++] = frame[1];
		if (frame[0] <= fp)
			break;
		fp = frame[0];
	}
	return n;
}

int stack_trace_save_tsk_reliable(struct task_struct *tsk,
				  unsigned long *store, unsigned int size)
{
	struct klp_task *kt = to_klp_task(tsk);

	if (kt->co && kt->work) {
		unsigned long lo = (unsigned long)kt->co->stack;
		unsigned long fp = kt->co->suspended ? kt->co->sleep_fp :
			(unsigned long)__builtin_frame_address(0);

		/* Only the running task itself is not suspended. */
		if (!kt->co->suspended && tsk != current)
			return -EINVAL;
		return walk_frames(fp, lo, lo + KLP_CO_STACK, store, size);
	}
	if (!kt->blocked)
		return 0;
	if (!kt->blocked_in)
		return -EINVAL;
	if (!size)
		return -E2BIG;
	store[0] = (unsigned long)kt->blocked_in;
	return 1;
}
