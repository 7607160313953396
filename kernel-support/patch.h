/*
 * Redirection of calls: which implementation of a patched function runs.
 */
#ifndef _LIVEPATCH_PATCH_H
#define _LIVEPATCH_PATCH_H

#include <linux/livepatch.h>
#include <linux/list.h>
#include <linux/sched.h>

/**
 * struct klp_ops - the redirection of one original function
 * @node:	link in the list of all klp_ops
 * @func_stack:	the klp_func entries for this function, newest first; the
 *		first one is the implementation in effect
 * @old_func:	the original function's address, the key
 *
 * The kernel attaches an ftrace handler here.  The model has no ftrace:
 * the handler's decision is klp_func_target(), which the runner consults
 * when a scenario calls a function by name.
 */
struct klp_ops {
	struct list_head node;
	struct list_head func_stack;
	void *old_func;
};

struct klp_ops *klp_find_ops(void *old_func);

int klp_patch_object(struct klp_object *obj);
void klp_unpatch_object(struct klp_object *obj);
void klp_unpatch_objects(struct klp_patch *patch);
void klp_unpatch_objects_dynamic(struct klp_patch *patch);

/*
 * klp_func_target() - what a call of @old_func runs for @task
 * @task:	the calling task; its patch_state matters during a transition
 * @old_func:	the original function
 * @func:	set to the klp_func in effect, or NULL for the original
 *
 * Return: the address of the implementation that runs.
 */
void *klp_func_target(struct task_struct *task, void *old_func,
		      struct klp_func **func);

/*
 * klp_sim_set_notrace() - make ftrace refuse @addr (model only)
 * @addr:	a function's address
 * @err:	the negative errno that registering a handler returns
 *
 * A function the kernel cannot trace cannot be patched: klp_patch_object()
 * fails for it.  Scenarios use this to reach the error paths.
 */
void klp_sim_set_notrace(void *addr, int err);

#endif /* _LIVEPATCH_PATCH_H */
