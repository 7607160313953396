/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Internal interface of the compatibility layer: the pieces of "the rest of
 * the kernel" that the livepatch core and the klp-sim runner need beyond the
 * public headers in include/linux/.
 *
 * Everything here is single-threaded and deterministic.  There is one CPU;
 * "tasks" are records that the core's consistency model inspects, and code
 * runs on behalf of whichever task is current.  Functions named klp_sim_*
 * exist only in the model; functions with kernel names behave like their
 * kernel counterparts as far as docs/semantics.md needs.
 */
#ifndef _KLP_COMPAT_H
#define _KLP_COMPAT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>

#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/sched.h>

/* ------------------------------------------------------------------------
 * Transcript (printk.c)
 */

/* Where transcript lines go; stdout unless changed. */
void klp_sim_set_output(FILE *out);

/* Terminate a pending printk() line that has no newline yet. */
void klp_sim_flush(void);

/*
 * klp_sim_event() - write one transcript line that is not a kernel message:
 * callback events, shadow bookkeeping, harness output.  Formats like
 * printk(), including the deterministic %p.
 */
void klp_sim_event(const char *fmt, ...) __printf(1, 2);

/*
 * Kernel messages only: with this set, klp_sim_event() prints nothing, so
 * that a transcript is what dmesg would show (the selftests' view).
 */
extern bool klp_sim_kmsg_only;

/* A transcript line that is printed in every mode. */
void klp_sim_line(const char *fmt, ...) __printf(1, 2);

/*
 * The printk() formatter.  It is vsnprintf() except for %p: pointers are
 * printed by klp_sim_describe(), because raw addresses differ from run to
 * run and would make transcripts impossible to compare.
 */
int klp_sim_vformat(char *buf, size_t size, const char *fmt, va_list args)
	__printf(3, 0);

/* Name of an errno value ("EINVAL" for 22 or -22); NULL if unknown. */
const char *klp_sim_errname(int err);

/* The errno value of a name such as "EINVAL"; 0 if unknown. */
int klp_sim_errno_value(const char *name);

/* ------------------------------------------------------------------------
 * Names for addresses (describe.c)
 */

#define KLP_SIM_DESC_LEN	160

/*
 * klp_sim_describe() - a stable name for an address
 *
 * In order of preference: "NULL"; "knob[<n>]"; the label of a live
 * kmalloc() block ("<owner>#<n>", the n-th allocation made by that module
 * since it was loaded); "<module>:<symbol>" or "vmlinux:<symbol>" from the
 * symbol tables, with "+0x<off>" inside an object; otherwise "ptr#<n>",
 * numbered in order of first appearance.
 */
const char *klp_sim_describe(const void *ptr, char *buf, size_t size);

/* ------------------------------------------------------------------------
 * Execution context (locking.c)
 */

/* True while a spinlock or RCU read lock is held, or interrupts are off. */
bool klp_sim_in_atomic(void);

/*
 * klp_sim_might_sleep() - the check behind every sleeping primitive
 * @where: the primitive's name, as printed in the report
 *
 * In atomic context this prints "BUG: sleeping function called from
 * invalid context at <where>" and continues.
 */
void klp_sim_might_sleep(const char *where);

/*
 * klp_sim_atomic_callee_enter() - the atomic section just entered calls @fn
 * @what:	what @fn is there ("shadow constructor")
 * @lock:	the lock held around the call ("klp_shadow_lock")
 * @fn:		the function about to be called
 *
 * Until the matching klp_sim_atomic_callee_exit(), a report of a sleeping
 * call or of a recursive lock adds the line "in <what> <fn> under <lock>":
 * the frame a kernel's call trace would show above the core's.  Nests.
 */
void klp_sim_atomic_callee_enter(const char *what, const char *lock,
				 const void *fn);
void klp_sim_atomic_callee_exit(void);

/* Forget all atomic context, after an oops unwound the code that held it. */
void klp_sim_reset_context(void);

/*
 * Oops recovery.  The runner points klp_sim_oops_env at a sigjmp_buf around
 * each command; BUG(), a fatal fault or klp_sim_oops() print the oops line
 * and jump back there.  Without a recovery point the process exits.
 */
extern sigjmp_buf *klp_sim_oops_env;
void klp_sim_oops(const char *fmt, ...) __printf(1, 2) __noreturn;

/* ------------------------------------------------------------------------
 * Tasks (sched.c)
 */

/**
 * struct klp_task - a simulated task
 * @task:	what get_current() returns; patch_state is the livepatch view
 * @node:	link in klp_sim_tasks, in order of creation
 * @patch_pending: TIF_PATCH_PENDING: the task still has to switch to the
 *		transition target
 * @blocked:	the task sleeps inside kernel code and cannot switch on its
 *		own; see @blocked_in
 * @blocked_in:	address of the function implementation it sleeps in, or
 *		NULL when it blocks every transition
 * @blocked_name: how the scenario named that place, for messages
 * @state:	TASK_RUNNING, or the sleeping state set before schedule()
 * @timer:	a timeout is armed: the task wakes at @wake_at
 * @wake_at:	jiffies of the timeout
 * @wait_chan:	what the task sleeps on (a completion, a work item), or NULL
 * @co:		the coroutine that runs the task's code (work items), or
 *		NULL for the shell task and the scenario's record-only tasks
 * @kworker:	runs work items
 * @work:	the work item it runs now, or NULL when idle
 */
struct klp_task {
	struct task_struct task;
	struct list_head node;
	bool patch_pending;
	bool blocked;
	void *blocked_in;
	char blocked_name[128];
	unsigned int state;
	bool timer;
	unsigned long wake_at;
	const void *wait_chan;
	struct klp_coroutine *co;
	bool kworker;
	struct work_struct *work;
};

#define to_klp_task(t)	container_of(t, struct klp_task, task)

extern struct list_head klp_sim_tasks;
#define klp_for_each_task(kt)						\
	list_for_each_entry(kt, &klp_sim_tasks, node)

/* The task that runs scenario commands, and the one that runs work items. */
extern struct task_struct *klp_sim_main_task;
extern struct task_struct *klp_sim_kworker_task;

/*
 * The kernel's walk over every task, for_each_process_thread(g, t): @g is
 * the cursor, @t the task.
 */
static inline struct task_struct *klp_sim_next_task(struct task_struct *t)
{
	struct klp_task *kt;

	if (!t)
		kt = list_first_entry_or_null(&klp_sim_tasks, struct klp_task,
					      node);
	else if (list_is_last(&to_klp_task(t)->node, &klp_sim_tasks))
		kt = NULL;
	else
		kt = list_next_entry(to_klp_task(t), node);
	return kt ? &kt->task : NULL;
}

#define for_each_process_thread(g, t)					\
	for ((g) = klp_sim_next_task(NULL); ((t) = (g)) != NULL;	\
	     (g) = klp_sim_next_task(g))

/* TIF_PATCH_PENDING: the task still has to switch to the target state. */
#define TIF_PATCH_PENDING	0

static inline void set_tsk_thread_flag(struct task_struct *t, int flag)
{
	(void)flag;
	to_klp_task(t)->patch_pending = true;
}

static inline void clear_tsk_thread_flag(struct task_struct *t, int flag)
{
	(void)flag;
	to_klp_task(t)->patch_pending = false;
}

static inline bool test_tsk_thread_flag(struct task_struct *t, int flag)
{
	(void)flag;
	return to_klp_task(t)->patch_pending;
}

/*
 * stack_trace_save_tsk_reliable() - the return addresses on @tsk's stack
 * @tsk:	a task that is not running
 * @store:	where the addresses go, innermost first
 * @size:	room in @store
 *
 * A task blocked by the scenario's "block <task> in <func>" sits in that
 * implementation: one entry, its address.  "block <task>" without a place
 * has no reliable stack.  A task that sleeps in a coroutine of the
 * scheduler has its real frames (see sched.c).  Any other task is not in
 * kernel code at all: no entries.
 *
 * Return: the number of entries, or -EINVAL if the stack is unreliable.
 */
int stack_trace_save_tsk_reliable(struct task_struct *tsk,
				  unsigned long *store, unsigned int size);

/* The kernel waits for CPUs that might still see an old view; none here. */
static inline void synchronize_rcu_tasks_rude(void)
{
}

/* Find a task by name; create it (in state IDLE) if @create. */
struct task_struct *klp_sim_find_task(const char *name, bool create);

/* Make @task current; returns the previous current task. */
struct task_struct *klp_sim_set_current(struct task_struct *task);

/* ------------------------------------------------------------------------
 * The scheduler (sched.c)
 *
 * Deterministic and cooperative: a task other than the shell runs in a
 * coroutine of its own and gives the CPU up only where it sleeps; the shell
 * task "main" runs the scenario commands and, when it sleeps, runs the
 * others until it is woken.  Nothing runs in parallel.
 */

/*
 * klp_sim_run_work_item() - run @work on an idle kworker (created on
 * demand) until the work function returns or sleeps.
 */
void klp_sim_run_work_item(struct work_struct *work);

/* The kworker that runs @work right now, or NULL. */
struct task_struct *klp_sim_work_runner(struct work_struct *work);

/* Resume every task that is runnable; true if any ran. */
bool klp_sim_run_runnable(void);

/* Earliest timeout of a sleeping task; false if none is armed. */
bool klp_sim_next_timeout(unsigned long *when);

/* Wake the tasks whose timeout is due at the current jiffies. */
void klp_sim_wake_timeouts(void);

/* Wake every task sleeping on @chan (0: all) and return how many woke. */
int klp_sim_wake_chan(const void *chan, int nr);

/* Sleep on @chan until klp_sim_wake_chan(); the caller set the state. */
void klp_sim_sleep_on(const void *chan);

/* An oops unwound the current command: forget the coroutine it hit. */
void klp_sim_sched_oops(void);

/* ------------------------------------------------------------------------
 * Time, work items and RCU callbacks (workqueue.c)
 */

/*
 * klp_sim_let_time_pass() - advance jiffies by @msecs, running every
 * delayed work item that falls due, every queued work item and the pending
 * RCU callbacks, in a deterministic order.
 */
void klp_sim_let_time_pass(unsigned long msecs);

/* Run queued (not delayed) work items and RCU callbacks now. */
void klp_sim_run_queued_work(void);

/*
 * The next moment something is due: a delayed work item or a sleeping
 * task's timeout.  False if nothing is.
 */
bool klp_sim_next_event(unsigned long *when);

/* klp_sim_let_time_pass() up to jiffies @target. */
void klp_sim_let_time_pass_until(unsigned long target);

/* ------------------------------------------------------------------------
 * Memory (mm.c)
 */

/* Label of the live kmalloc() block that contains @ptr, or NULL. */
const char *klp_sim_mm_label(const void *ptr, unsigned long *offset);

/* A module is about to be unmapped: its allocations become orphans. */
void klp_sim_mm_module_gone(const void *owner);

/* Report memory allocated by modules that are gone; returns the count. */
unsigned int klp_sim_mm_report_leaks(void);

/* ------------------------------------------------------------------------
 * Modules and symbols (module.c, modfile.c)
 */

struct klp_sim_module;

/*
 * Load @path as a module, named @name (or by its __this_module), the way
 * finit_module() does: livepatch coming notifier, module notifiers, the
 * parameters in @args ("name=value ...", may be NULL), init.  Returns 0 or
 * a negative errno; messages go to the transcript.
 */
int klp_sim_insmod_args(const char *path, const char *name, const char *args);
int klp_sim_insmod(const char *path, const char *name);

/*
 * /sys/module/<module>/parameters/<param>: read into @buf (a page) or
 * write @val.  Return the length read, 0 written, or a negative errno
 * (-ENOENT: no such file, -EACCES: its mode forbids it, -EPERM: its ops
 * cannot).
 */
int klp_sim_param_show(const char *module, const char *param, char *buf);
int klp_sim_param_store(const char *module, const char *param,
			const char *val);

/* Remove a module the way delete_module() does. */
int klp_sim_rmmod(const char *name);

/* The struct module of a loaded module, or NULL. */
struct module *klp_sim_find_module(const char *name);

/* The kernel's name for it. */
static inline struct module *find_module(const char *name)
{
	return klp_sim_find_module(name);
}

/*
 * The name of the module whose image contains @addr; "vmlinux" for the
 * runner itself; NULL for anything else (heap, stack).
 */
const char *klp_sim_owner_name(const void *addr);

/*
 * The module whose image contains @addr, or NULL for vmlinux and anything
 * else.  The record stays valid until the module is unloaded.
 */
struct klp_sim_module *klp_sim_module_of(const void *addr);
const char *klp_sim_module_name(const struct klp_sim_module *m);

/* Next allocation number of @m (NULL: vmlinux), for kmalloc() labels. */
unsigned int klp_sim_module_next_alloc(struct klp_sim_module *m);

/*
 * klp_sim_kallsyms_each() - walk the symbols of an object
 * @objname:	a module name, or NULL for vmlinux
 * @fn:		called for every function and data symbol; non-zero stops
 * @data:	passed to @fn
 *
 * Return: the value that stopped the walk, or 0.
 */
int klp_sim_kallsyms_each(const char *objname,
			  int (*fn)(void *data, const char *name, void *addr,
				    unsigned long size),
			  void *data);

/*
 * kallsyms_on_each_match_symbol() - call @fn for each vmlinux symbol @name
 *
 * vmlinux is the runner, not a kernel, so most functions a livepatch names
 * in vmlinux do not exist.  With phantom symbols on (the default), a name
 * without any match gets a placeholder address (klp_sim_phantom_symbol()),
 * reported as its one match.
 */
int kallsyms_on_each_match_symbol(int (*fn)(void *data, unsigned long addr),
				  const char *name, void *data);

/* Call @fn for every symbol of module @modname, static ones included. */
int module_kallsyms_on_each_symbol(const char *modname,
				   int (*fn)(void *data, const char *name,
					     unsigned long addr),
				   void *data);

/* The size of the symbol containing @addr, and @addr's offset in it. */
int kallsyms_lookup_size_offset(unsigned long addr, unsigned long *symbolsize,
				unsigned long *offset);

/*
 * Find a symbol named "[<module>:]<name>" (a module name, "vmlinux", or
 * none: loaded modules first, then vmlinux).  Returns 0 or -ENOENT, or
 * -EINVAL if the name is ambiguous.
 */
int klp_sim_lookup_symbol(const char *spec, void **addr);

/* Name of the symbol containing @addr and its module; false if none. */
bool klp_sim_symbolize(const void *addr, const char **modname,
		       const char **symname, unsigned long *offset);

/*
 * vmlinux is the runner, not a kernel, so most functions a livepatch names
 * in vmlinux do not exist.  With phantom symbols on (the default), such a
 * name resolves to a unique placeholder address that can be patched but not
 * called.
 */
extern bool klp_sim_phantom_vmlinux;
void *klp_sim_phantom_symbol(const char *name);
bool klp_sim_is_phantom(const void *addr);

/*
 * Report module evidence the generation C core ignores (per-object
 * callbacks); returns the number of lines printed.
 */
unsigned int klp_sim_module_report(void);

/*
 * klp_sim_proc_read() - read /proc/<name> into @buf (NUL-terminated):
 * vmlinux's cmdline and meminfo, or a single-show file a module created.
 * Return: the length, or -ENOENT.
 */
int klp_sim_proc_read(const char *name, char *buf, size_t size);

/* ------------------------------------------------------------------------
 * Knobs: vmlinux settings that the standard test livepatches change
 */

#define KLP_SIM_NR_KNOBS	64
extern int klp_sim_knobs[KLP_SIM_NR_KNOBS];

#endif /* _KLP_COMPAT_H */
