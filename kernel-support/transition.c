/*
 * transition.c - the consistency model.
 *
 * A transition moves every task from the initial patch state to the target
 * (KLP_TRANSITION_PATCHED or _UNPATCHED).  A task switches when it is not
 * inside code the transition changes; the kernel decides that from its
 * stack trace.  The model's tasks have no stacks: a scenario may declare a
 * task blocked, either everywhere or inside one implementation of a
 * function (struct klp_task), and the check below compares that with the
 * functions of the transition patch exactly as the kernel compares stack
 * entries (section 3.13).
 *
 * When some task cannot switch yet, the transition stays pending and the
 * transition work retries it every second of simulated time.  Completion
 * runs the state callbacks of sections 3.2 and 3.4.
 */
#define pr_fmt(fmt) "livepatch: " fmt

#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/workqueue.h>

#include "compat/compat.h"
#include "core.h"
#include "patch.h"
#include "state.h"
#include "transition.h"

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
 * The kernel waits here until no CPU can still be inside the ftrace
 * handler with an old view.  Calls never run concurrently in the model.
 */
static void klp_synchronize_transition(void)
{
}

static const char *klp_transition_name(int state)
{
	return state == KLP_TRANSITION_PATCHED ? "patching" : "unpatching";
}

/* Sections 3.2 and 3.4. */
static void klp_complete_transition(void)
{
	struct klp_patch *patch = klp_transition_patch;
	struct klp_object *obj;
	struct klp_func *func;
	struct klp_task *kt;

	pr_notice("'%s': completing %s transition\n", patch->mod->name,
		  klp_transition_name(klp_target_state));

	if (patch->replace && klp_target_state == KLP_TRANSITION_PATCHED) {
		klp_unpatch_replaced_patches(patch);
		klp_discard_nops(patch);
		klp_states_post_unpatch_replaced(patch);
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

	klp_for_each_task(kt) {
		WARN_ON_ONCE(kt->patch_pending);
		kt->task.patch_state = KLP_TRANSITION_IDLE;
	}

	if (klp_target_state == KLP_TRANSITION_PATCHED) {
		klp_states_post_patch(patch);
	} else {
		if (patch->replace)
			klp_states_post_patch_replaced(patch);
		klp_states_post_unpatch(patch);
	}

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
	struct klp_task *kt = to_klp_task(task);

	if (kt->patch_pending) {
		kt->patch_pending = false;
		task->patch_state = READ_ONCE(klp_target_state);
	}
}

/*
 * The implementation a task must not be in for @func to switch: the one
 * being removed when unpatching, the one being replaced when patching.
 */
static void *klp_func_checked_addr(struct klp_func *func)
{
	struct klp_ops *ops;

	if (klp_target_state == KLP_TRANSITION_UNPATCHED)
		return func->new_func;

	ops = klp_find_ops(func->old_func);
	if (!ops || list_is_last(&func->stack_node, &ops->func_stack))
		return func->old_func;
	return list_next_entry(func, stack_node)->new_func;
}

/* The function a blocked task sits in that keeps it from switching. */
static const char *klp_check_stack(struct klp_task *kt)
{
	struct klp_object *obj;
	struct klp_func *func;

	if (!kt->blocked)
		return NULL;
	if (!kt->blocked_in)
		return kt->blocked_name;

	klp_for_each_object(klp_transition_patch, obj) {
		if (!obj->patched)
			continue;
		klp_for_each_func(obj, func) {
			if (klp_func_checked_addr(func) == kt->blocked_in)
				return func->old_name;
		}
	}
	return NULL;
}

static bool klp_try_switch_task(struct klp_task *kt)
{
	if (kt->task.patch_state == klp_target_state)
		return true;

	/*
	 * The kernel logs why at debug level ("is sleeping on function");
	 * the retries would make transcripts depend on timing, so the model
	 * stays silent.
	 */
	if (klp_check_stack(kt))
		return false;

	kt->task.patch_state = klp_target_state;
	kt->patch_pending = false;
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
	struct klp_patch *patch;
	struct klp_task *kt;
	bool complete = true;

	WARN_ON_ONCE(klp_target_state == KLP_TRANSITION_IDLE);

	klp_for_each_task(kt) {
		if (!klp_try_switch_task(kt))
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
	struct klp_object *obj;
	struct klp_func *func;
	struct klp_task *kt;

	WARN_ON_ONCE(klp_target_state != KLP_TRANSITION_IDLE);

	klp_transition_patch = patch;
	klp_target_state = state;

	pr_notice("'%s': initializing %s transition\n", patch->mod->name,
		  klp_transition_name(state));

	klp_for_each_task(kt) {
		WARN_ON_ONCE(kt->task.patch_state != KLP_TRANSITION_IDLE);
		kt->task.patch_state = !state;
	}

	/*
	 * Task states before transition flags: a caller that sees a flag in
	 * klp_func_target() must find a valid task state.
	 */
	__atomic_thread_fence(__ATOMIC_RELEASE);

	klp_for_each_object(patch, obj)
		klp_for_each_func(obj, func)
			func->transition = true;
}

/* Mark the tasks that still have to switch. */
void klp_start_transition(void)
{
	struct klp_task *kt;

	WARN_ON_ONCE(klp_target_state == KLP_TRANSITION_IDLE);

	pr_notice("'%s': starting %s transition\n",
		  klp_transition_patch->mod->name,
		  klp_transition_name(klp_target_state));

	klp_for_each_task(kt) {
		if (kt->task.patch_state != klp_target_state)
			kt->patch_pending = true;
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
	struct klp_task *kt;

	pr_notice("'%s': reversing transition from %s\n",
		  klp_transition_patch->mod->name,
		  klp_target_state == KLP_TRANSITION_PATCHED ?
		  "patching to unpatching" : "unpatching to patching");

	klp_for_each_task(kt)
		kt->patch_pending = false;
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
	struct klp_patch *patch;
	struct klp_task *kt;

	pr_warn("forcing remaining tasks to the %s state\n",
		klp_target_state == KLP_TRANSITION_PATCHED ?
		"patched" : "unpatched");

	klp_for_each_task(kt)
		klp_update_patch_state(&kt->task);

	klp_for_each_patch(patch)
		patch->forced = true;
}
