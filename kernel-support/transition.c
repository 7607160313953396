// SPDX-License-Identifier: GPL-2.0-only
/*
 * transition.c - the consistency model.
 *
 * A transition moves every task from the initial patch state to the target
 * (KLP_TRANSITION_PATCHED or _UNPATCHED).  A task switches when it is not
 * inside code the transition changes, decided from its stack trace as in
 * the kernel (section 3.13); compat's stack_trace_save_tsk_reliable()
 * provides the traces of the model's tasks.
 *
 * When some task cannot switch yet, the transition stays pending and the
 * transition work retries it every second of simulated time.  Completion
 * runs the state callbacks of sections 3.2 and 3.4; in the generation A
 * build (CONFIG_KLP_GENERATION_A) the per-object callbacks of section 3.12
 * instead.
 */
#define pr_fmt(fmt) "livepatch: " fmt

#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/workqueue.h>

#include "compat/barrier.h"
#include "compat/compat.h"
#include "core.h"
#include "patch.h"
#include "state.h"
#include "transition.h"
#ifdef CONFIG_KLP_GENERATION_A
#include "legacy/callbacks.h"
#endif

struct klp_patch *klp_transition_patch;

static int klp_target_state = KLP_TRANSITION_IDLE;

static void klp_transition_work_fn(struct work_struct *work);
static DECLARE_DELAYED_WORK(klp_transition_work, klp_transition_work_fn);

/* The periodic retry of a pending transition. */
static void klp_transition_work_fn(struct work_struct *work)
{
	(void)work;
	mutex_lock(&klp_mutex);
	if (klp_transition_patch)
		klp_try_complete_transition();
	mutex_unlock(&klp_mutex);
}

/*
 * Wait until no CPU can still be inside the ftrace handler with an old
 * view of the patch state.
 */
static void klp_synchronize_transition(void)
{
	synchronize_rcu_tasks_rude();
}

static const char *klp_transition_name(int state)
{
	return state == KLP_TRANSITION_PATCHED ? "patching" : "unpatching";
}

/* Sections 3.2 and 3.4. */
static void klp_complete_transition(void)
{
	struct klp_patch *patch = klp_transition_patch;
	struct task_struct *g, *task;
	struct klp_object *obj;
	struct klp_func *func;

	pr_notice("'%s': completing %s transition\n", patch->mod->name,
		  klp_transition_name(klp_target_state));

	if (patch->replace && klp_target_state == KLP_TRANSITION_PATCHED) {
		/* Generation A: the replaced patches get no callback at all. */
		klp_unpatch_replaced_patches(patch);
		klp_discard_nops(patch);
#ifndef CONFIG_KLP_GENERATION_A
		klp_states_post_unpatch_replaced(patch);
#endif
	}

	if (klp_target_state == KLP_TRANSITION_UNPATCHED) {
		/* No task runs the patch's code any more: it can go. */
		klp_unpatch_objects(patch);
		klp_synchronize_transition();
	}

	klp_for_each_object(patch, obj)
		klp_for_each_func(obj, func)
			func->transition = false;

	/* No caller may see a task's IDLE state while a flag is still set. */
	if (klp_target_state == KLP_TRANSITION_PATCHED)
		klp_synchronize_transition();

	for_each_process_thread(g, task) {
		WARN_ON_ONCE(test_tsk_thread_flag(task, TIF_PATCH_PENDING));
		task->patch_state = KLP_TRANSITION_IDLE;
	}

#ifdef CONFIG_KLP_GENERATION_A
	/*
	 * Every loaded object, also one whose module came during the
	 * transition and so skipped its post_patch then.  post_unpatch runs
	 * only where pre_patch succeeded: after a cancelled enable, not for
	 * the object that failed nor for those never reached.
	 */
	klp_for_each_object(patch, obj) {
		if (!klp_is_object_loaded(obj))
			continue;
		if (klp_target_state == KLP_TRANSITION_PATCHED)
			klp_post_patch_callback(obj);
		else
			klp_post_unpatch_callback(obj);
	}
#else
	if (klp_target_state == KLP_TRANSITION_PATCHED) {
		klp_states_post_patch(patch);
	} else {
		if (patch->replace)
			klp_states_post_patch_replaced(patch);
		klp_states_post_unpatch(patch);
	}
#endif

	pr_notice("'%s': %s complete\n", patch->mod->name,
		  klp_transition_name(klp_target_state));

	klp_target_state = KLP_TRANSITION_IDLE;
	klp_transition_patch = NULL;
}

/*
 * An enable failed before its transition started: unwind it as an
 * unpatching transition that every task has already finished.
 */
void klp_cancel_transition(void)
{
	if (WARN_ON_ONCE(klp_target_state != KLP_TRANSITION_PATCHED))
		return;

	pr_notice("'%s': canceling patching transition, going to unpatch\n",
		  klp_transition_patch->mod->name);

	klp_target_state = KLP_TRANSITION_UNPATCHED;
	klp_complete_transition();
}

/**
 * klp_update_patch_state() - move a task to the current transition target
 * @task:	the task; it must not be running in a function being patched
 *
 * In the kernel a task calls this on its way out of the kernel, where it
 * cannot be inside patched code.
 */
void klp_update_patch_state(struct task_struct *task)
{
	/*
	 * Pairs with the barrier in klp_start_transition(): the target
	 * state is read after the flag that says there is one.
	 */
	smp_rmb();
	if (test_tsk_thread_flag(task, TIF_PATCH_PENDING)) {
		clear_tsk_thread_flag(task, TIF_PATCH_PENDING);
		task->patch_state = READ_ONCE(klp_target_state);
	}
}

/*
 * Is @func's code that the transition takes away on the stack?  When
 * unpatching that is the func itself; when patching, whatever it replaces:
 * the original, or the func below it on the stack.
 */
static int klp_check_stack_func(struct klp_func *func, unsigned long *entries,
				unsigned int nr_entries)
{
	unsigned long func_addr, func_size, address;
	struct klp_ops *ops;
	unsigned int i;

	if (klp_target_state == KLP_TRANSITION_UNPATCHED) {
		func_addr = (unsigned long)func->new_func;
		func_size = func->new_size;
	} else {
		/*
		 * The kernel asks list_is_singular(): the same answer while
		 * the transition patch is on top of the stack.  A reversed
		 * disable of a patch below another (DER-10) is not on top,
		 * and the entry below the bottom one is the list head, so
		 * the model asks whether @func is the bottom entry.
		 */
		ops = klp_find_ops(func->old_func);
		if (!ops || list_is_last(&func->stack_node, &ops->func_stack)) {
			func_addr = (unsigned long)func->old_func;
			func_size = func->old_size;
		} else {
			struct klp_func *prev;

			prev = list_next_entry(func, stack_node);
			func_addr = (unsigned long)prev->new_func;
			func_size = prev->new_size;
		}
	}

	for (i = 0; i < nr_entries; i++) {
		address = entries[i];
		if (address >= func_addr && address < func_addr + func_size)
			return -EAGAIN;
	}
	return 0;
}

#define MAX_STACK_ENTRIES	100
static unsigned long klp_stack_entries[MAX_STACK_ENTRIES];

/*
 * May @task switch?  -EINVAL if its stack cannot be trusted, -EADDRINUSE
 * with @oldname set if it is inside a function the transition changes.
 */
static int klp_check_stack(struct task_struct *task, const char **oldname)
{
	unsigned long *entries = klp_stack_entries;
	struct klp_object *obj;
	struct klp_func *func;
	int ret, nr_entries;

	ret = stack_trace_save_tsk_reliable(task, entries, MAX_STACK_ENTRIES);
	if (ret < 0)
		return -EINVAL;
	nr_entries = ret;

	klp_for_each_object(klp_transition_patch, obj) {
		if (!obj->patched)
			continue;
		klp_for_each_func(obj, func) {
			ret = klp_check_stack_func(func, entries, nr_entries);
			if (ret) {
				*oldname = func->old_name;
				return -EADDRINUSE;
			}
		}
	}
	return 0;
}

static bool klp_try_switch_task(struct task_struct *task)
{
	const char *old_name;

	if (task->patch_state == klp_target_state)
		return true;

	/*
	 * The kernel logs why at debug level ("is sleeping on function");
	 * the retries would make transcripts depend on timing, so the model
	 * stays silent.
	 */
	if (klp_check_stack(task, &old_name))
		return false;

	clear_tsk_thread_flag(task, TIF_PATCH_PENDING);
	task->patch_state = klp_target_state;
	return true;
}

/**
 * klp_try_complete_transition() - switch what can switch; finish if all did
 *
 * Called with klp_mutex held.  Frees the patch after a completed disable,
 * and the replaced patches after a completed replace.
 *
 * Return: true if the transition completed.
 */
bool klp_try_complete_transition(void)
{
	struct task_struct *g, *task;
	struct klp_patch *patch;
	bool complete = true;

	WARN_ON_ONCE(klp_target_state == KLP_TRANSITION_IDLE);

	for_each_process_thread(g, task) {
		if (!klp_try_switch_task(task))
			complete = false;
	}

	if (!complete) {
		/* Some task sleeps in changing code: look again in a second. */
		schedule_delayed_work(&klp_transition_work, HZ);
		return false;
	}

	patch = klp_transition_patch;
	klp_complete_transition();

	/*
	 * Freeing belongs here rather than in klp_complete_transition(),
	 * which also serves klp_cancel_transition(), whose caller frees.
	 */
	if (!patch->enabled)
		klp_free_patch_async(patch);
	else if (patch->replace)
		klp_free_replaced_patches_async(patch);
	return true;
}

/**
 * klp_init_transition() - prepare a transition of @patch to @state
 * @patch:	the patch being enabled or disabled
 * @state:	KLP_TRANSITION_PATCHED or KLP_TRANSITION_UNPATCHED
 *
 * Every task starts in the opposite state; nothing is pending until
 * klp_start_transition().
 */
void klp_init_transition(struct klp_patch *patch, int state)
{
	struct task_struct *g, *task;
	struct klp_object *obj;
	struct klp_func *func;

	WARN_ON_ONCE(klp_target_state != KLP_TRANSITION_IDLE);

	klp_transition_patch = patch;
	klp_target_state = state;

	pr_notice("'%s': initializing %s transition\n", patch->mod->name,
		  klp_transition_name(state));

	for_each_process_thread(g, task) {
		WARN_ON_ONCE(task->patch_state != KLP_TRANSITION_IDLE);
		task->patch_state = !state;
	}

	/*
	 * Task states before transition flags: a caller that sees a flag in
	 * klp_ftrace_handler() must find a valid task state.
	 */
	smp_wmb();

	klp_for_each_object(patch, obj)
		klp_for_each_func(obj, func)
			func->transition = true;
}

/* Mark the tasks that still have to switch. */
void klp_start_transition(void)
{
	struct task_struct *g, *task;

	WARN_ON_ONCE(klp_target_state == KLP_TRANSITION_IDLE);

	pr_notice("'%s': starting %s transition\n",
		  klp_transition_patch->mod->name,
		  klp_transition_name(klp_target_state));

	/*
	 * Mark the tasks that still have to switch.  Pairs with the read
	 * barrier in klp_update_patch_state().
	 */
	for_each_process_thread(g, task) {
		if (task->patch_state != klp_target_state)
			set_tsk_thread_flag(task, TIF_PATCH_PENDING);
	}
}

/**
 * klp_reverse_transition() - turn a pending transition around
 *
 * Tasks that had switched are now the ones that must switch back; tasks
 * that never switched are already at the new target.  No state callback
 * runs here (section 3.6.3, 3.6.4); completion decides which run.
 */
void klp_reverse_transition(void)
{
	struct task_struct *g, *task;

	pr_notice("'%s': reversing transition from %s\n",
		  klp_transition_patch->mod->name,
		  klp_target_state == KLP_TRANSITION_PATCHED ?
		  "patching to unpatching" : "unpatching to patching");

	for_each_process_thread(g, task)
		clear_tsk_thread_flag(task, TIF_PATCH_PENDING);
	klp_synchronize_transition();

	klp_transition_patch->enabled = !klp_transition_patch->enabled;
	klp_target_state = !klp_target_state;

	klp_start_transition();
}

/**
 * klp_force_transition() - declare every task switched
 *
 * Completion still follows at the next attempt, with all its callbacks.
 * The patches on the list become forced: their modules can never be
 * removed, since a task the check skipped might still run their code.
 */
void klp_force_transition(void)
{
	struct task_struct *g, *task;
	struct klp_patch *patch;

	pr_warn("forcing remaining tasks to the %s state\n",
		klp_target_state == KLP_TRANSITION_PATCHED ?
		"patched" : "unpatched");

	for_each_process_thread(g, task)
		klp_update_patch_state(task);

	klp_for_each_patch(patch)
		patch->forced = true;
}
