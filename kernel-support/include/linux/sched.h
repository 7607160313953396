/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Tasks and scheduling for the klp-lint user-space kernel headers.
 *
 * The user-space core simulates tasks; "current" is whichever simulated task
 * it is running code for.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/types.h>

#define TASK_COMM_LEN		16

#define TASK_RUNNING		0x0000
#define TASK_INTERRUPTIBLE	0x0001
#define TASK_UNINTERRUPTIBLE	0x0002
#define TASK_WAKEKILL		0x0100
#define TASK_NOLOAD		0x0400
#define TASK_KILLABLE		(TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_IDLE		(TASK_UNINTERRUPTIBLE | TASK_NOLOAD)
#define TASK_NORMAL		(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

#define MAX_SCHEDULE_TIMEOUT	((long)(~0UL >> 1))

/**
 * struct task_struct - a (simulated) task
 * @pid: task id
 * @comm: executable name, NUL-terminated
 * @patch_state: livepatch transition state of the task
 *	(KLP_TRANSITION_IDLE, _UNPATCHED or _PATCHED)
 */
struct task_struct {
	pid_t pid;
	char comm[TASK_COMM_LEN];
	int patch_state;
};

/**
 * get_current() - the task on whose behalf code is running
 *
 * Return: the current task; never NULL.
 */
struct task_struct *get_current(void);
#define current		get_current()

/**
 * schedule() - give up the CPU; sleeps
 */
void schedule(void);

/**
 * schedule_timeout() - sleep until woken or @timeout jiffies pass
 * @timeout: jiffies, or MAX_SCHEDULE_TIMEOUT
 *
 * Return: the jiffies left, or 0 if the timeout expired.
 */
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_killable(long timeout);
long schedule_timeout_uninterruptible(long timeout);
long schedule_timeout_idle(long timeout);

/**
 * cond_resched() - let other tasks run if needed; a sleeping point
 *
 * Return: 1 if the caller was rescheduled, else 0.
 */
int cond_resched(void);

/**
 * wake_up_process() - wake a sleeping task
 * @p: the task
 *
 * Return: 1 if @p was woken, 0 if it was already running.
 */
int wake_up_process(struct task_struct *p);

/**
 * signal_pending() - test for a pending signal
 * @p: the task
 *
 * Return: non-zero if @p has a signal pending.
 */
int signal_pending(struct task_struct *p);

/**
 * klp_set_current_state() - set the state of the current task
 * @state: a TASK_* value
 */
void klp_set_current_state(unsigned int state);
#define set_current_state(state)	klp_set_current_state(state)
#define __set_current_state(state)	klp_set_current_state(state)

/*
 * Process ids.  The model has one pid namespace and no thread groups: a
 * task's tgid is its pid.
 */
static inline pid_t task_pid_nr(struct task_struct *tsk)
{
	return tsk->pid;
}

static inline pid_t task_tgid_nr(struct task_struct *tsk)
{
	return tsk->pid;
}

static inline pid_t task_pid_vnr(struct task_struct *tsk)
{
	return tsk->pid;
}

static inline pid_t task_tgid_vnr(struct task_struct *tsk)
{
	return tsk->pid;
}

#endif /* _LINUX_SCHED_H */
