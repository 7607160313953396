/*
 * Tasks, sleeping and completions.
 *
 * Tasks are records, not threads: code always runs to completion on behalf
 * of the current task.  A task exists so that the livepatch consistency
 * model has something to switch, and so that a scenario can leave one
 * "asleep" inside a function (see struct klp_task).  Sleeping primitives
 * check the context and return at once; time passes only when the runner
 * says so (klp_sim_let_time_pass()).
 */
#include <stdlib.h>
#include <string.h>

#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/livepatch.h>
#include <linux/sched.h>

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
 * Scheduling
 */

void schedule(void)
{
	klp_sim_might_sleep("schedule");
}

long schedule_timeout(long timeout)
{
	klp_sim_might_sleep("schedule_timeout");
	return timeout == MAX_SCHEDULE_TIMEOUT ? timeout : 0;
}

int cond_resched(void)
{
	klp_sim_might_sleep("cond_resched");
	return 0;
}

int wake_up_process(struct task_struct *p)
{
	(void)p;
	return 1;
}

int signal_pending(struct task_struct *p)
{
	(void)p;
	return 0;
}

void klp_set_current_state(unsigned int state)
{
	(void)state;
}

/* ------------------------------------------------------------------------
 * Delays: the sleeping ones only check the context.
 */

void msleep(unsigned int msecs)
{
	(void)msecs;
	klp_sim_might_sleep("msleep");
}

unsigned long msleep_interruptible(unsigned int msecs)
{
	(void)msecs;
	klp_sim_might_sleep("msleep_interruptible");
	return 0;
}

void ssleep(unsigned int seconds)
{
	(void)seconds;
	klp_sim_might_sleep("ssleep");
}

void usleep_range(unsigned long min, unsigned long max)
{
	(void)min;
	(void)max;
	klp_sim_might_sleep("usleep_range");
}

void fsleep(unsigned long usecs)
{
	(void)usecs;
	klp_sim_might_sleep("fsleep");
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
 * Completions.  A waiter that would sleep first lets queued work run, as
 * another CPU would; if that does not signal it, it would sleep forever.
 */

#define COMPLETE_ALL	(UINT_MAX / 2)

void complete(struct completion *x)
{
	if (x->done < COMPLETE_ALL)
		x->done++;
}

void complete_all(struct completion *x)
{
	x->done = COMPLETE_ALL;
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

static bool wait_done(struct completion *x)
{
	if (!x->done)
		klp_sim_run_queued_work();
	return try_wait_for_completion(x);
}

void wait_for_completion(struct completion *x)
{
	klp_sim_might_sleep("wait_for_completion");
	if (!wait_done(x))
		klp_sim_event("INFO: task %s:%d blocked forever in wait_for_completion",
			      current->comm, current->pid);
}

unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout)
{
	klp_sim_might_sleep("wait_for_completion_timeout");
	if (!wait_done(x))
		return 0;
	return timeout ? timeout : 1;
}

int wait_for_completion_interruptible(struct completion *x)
{
	klp_sim_might_sleep("wait_for_completion_interruptible");
	if (!wait_done(x))
		klp_sim_event("INFO: task %s:%d blocked forever in wait_for_completion_interruptible",
			      current->comm, current->pid);
	return 0;
}

/* ------------------------------------------------------------------------
 * Stack traces
 */

int stack_trace_save_tsk_reliable(struct task_struct *tsk,
				  unsigned long *store, unsigned int size)
{
	struct klp_task *kt = to_klp_task(tsk);

	if (!kt->blocked)
		return 0;
	if (!kt->blocked_in)
		return -EINVAL;
	if (!size)
		return -E2BIG;
	store[0] = (unsigned long)kt->blocked_in;
	return 1;
}
