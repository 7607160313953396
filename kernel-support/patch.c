// SPDX-License-Identifier: GPL-2.0-only
/*
 * patch.c - which implementation of a patched function runs.
 *
 * Each original function that any patch replaces has one klp_ops with a
 * stack of klp_func entries, newest first, and an ftrace handler on the
 * function.  Outside a transition the top entry is in effect.  During a
 * transition the top entry is the one being added or removed, and a task
 * that has not switched yet keeps running the entry below it (or the
 * original).  A nop entry, added by atomic replace, means "the original".
 */
#define pr_fmt(fmt) "livepatch: " fmt

#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/livepatch.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include "compat/barrier.h"
#include "core.h"
#include "patch.h"

static LIST_HEAD(klp_ops);

struct klp_ops *klp_find_ops(void *old_func)
{
	struct klp_ops *ops;

	list_for_each_entry(ops, &klp_ops, node)
		if (ops->old_func == old_func)
			return ops;
	return NULL;
}

/*
 * The handler on every call of a patched function: send the call to the
 * implementation the calling task must run.
 */
static void klp_ftrace_handler(unsigned long ip, unsigned long parent_ip,
			       struct ftrace_ops *fops,
			       struct ftrace_regs *fregs)
{
	struct klp_ops *ops = container_of(fops, struct klp_ops, fops);
	struct klp_func *func;
	int patch_state;

	(void)ip;
	(void)parent_ip;
	func = list_first_entry_or_null(&ops->func_stack, struct klp_func,
					stack_node);
	if (WARN_ON_ONCE(!func))
		return;

	/*
	 * Pairs with the write barrier in klp_init_transition(): whoever
	 * sees func->transition set also sees the task states it guards.
	 */
	smp_rmb();
	if (unlikely(func->transition)) {
		/*
		 * Pairs with the barrier in __klp_enable_patch() and
		 * __klp_disable_patch(): the task's state is read after the
		 * flag.
		 */
		smp_rmb();
		patch_state = current->patch_state;
		WARN_ON_ONCE(patch_state == KLP_TRANSITION_IDLE);
		if (patch_state == KLP_TRANSITION_UNPATCHED) {
			/* Not switched yet: whatever was in effect before. */
			if (list_is_last(&func->stack_node, &ops->func_stack))
				return;
			func = list_next_entry(func, stack_node);
		}
	}

	if (func->nop)
		return;
	ftrace_regs_set_instruction_pointer(fregs,
					    (unsigned long)func->new_func);
}

static void klp_unpatch_func(struct klp_func *func)
{
	struct klp_ops *ops;

	if (WARN_ON(!func->patched))
		return;
	if (WARN_ON(!func->old_func))
		return;

	ops = klp_find_ops(func->old_func);
	if (WARN_ON(!ops))
		return;

	if (list_is_singular(&ops->func_stack)) {
		unsigned long ftrace_loc;

		/* The last user: the handler goes, calls reach the original. */
		ftrace_loc = ftrace_location((unsigned long)func->old_func);
		WARN_ON(unregister_ftrace_function(&ops->fops));
		WARN_ON(ftrace_set_filter_ip(&ops->fops, ftrace_loc, 1, 0));
		list_del(&func->stack_node);
		list_del(&ops->node);
		kfree(ops);
	} else {
		list_del(&func->stack_node);
	}
	func->patched = false;
}

static int klp_patch_func(struct klp_func *func)
{
	unsigned long ftrace_loc;
	struct klp_ops *ops;
	int ret;

	if (WARN_ON(!func->old_func))
		return -EINVAL;
	if (WARN_ON(func->patched))
		return -EINVAL;

	ops = klp_find_ops(func->old_func);
	if (ops) {
		list_add(&func->stack_node, &ops->func_stack);
		func->patched = true;
		return 0;
	}

	ftrace_loc = ftrace_location((unsigned long)func->old_func);
	if (!ftrace_loc) {
		pr_err("failed to find location for function '%s'\n",
		       func->old_name);
		return -EINVAL;
	}

	ops = kzalloc(sizeof(*ops), GFP_KERNEL);
	if (!ops)
		return -ENOMEM;
	ops->fops.func = klp_ftrace_handler;
	ops->fops.flags = FTRACE_OPS_FL_DYNAMIC | FTRACE_OPS_FL_SAVE_REGS |
			  FTRACE_OPS_FL_IPMODIFY | FTRACE_OPS_FL_PERMANENT;
	ops->old_func = func->old_func;
	list_add(&ops->node, &klp_ops);
	INIT_LIST_HEAD(&ops->func_stack);
	list_add(&func->stack_node, &ops->func_stack);

	ret = ftrace_set_filter_ip(&ops->fops, ftrace_loc, 0, 0);
	if (ret) {
		pr_err("failed to set ftrace filter for function '%s' (%d)\n",
		       func->old_name, ret);
		goto err;
	}

	ret = register_ftrace_function(&ops->fops);
	if (ret) {
		pr_err("failed to register ftrace handler for function '%s' (%d)\n",
		       func->old_name, ret);
		ftrace_set_filter_ip(&ops->fops, ftrace_loc, 1, 0);
		goto err;
	}

	func->patched = true;
	return 0;

err:
	list_del(&func->stack_node);
	list_del(&ops->node);
	kfree(ops);
	return ret;
}

static void __klp_unpatch_object(struct klp_object *obj, bool nops_only)
{
	struct klp_func *func;

	klp_for_each_func(obj, func) {
		if (nops_only && !func->nop)
			continue;
		if (func->patched)
			klp_unpatch_func(func);
	}

	if (obj->dynamic || !nops_only)
		obj->patched = false;
}

void klp_unpatch_object(struct klp_object *obj)
{
	__klp_unpatch_object(obj, false);
}

int klp_patch_object(struct klp_object *obj)
{
	struct klp_func *func;
	int ret;

	if (WARN_ON(obj->patched))
		return -EINVAL;

	klp_for_each_func(obj, func) {
		ret = klp_patch_func(func);
		if (ret) {
			klp_unpatch_object(obj);
			return ret;
		}
	}
	obj->patched = true;
	return 0;
}

static void __klp_unpatch_objects(struct klp_patch *patch, bool nops_only)
{
	struct klp_object *obj;

	klp_for_each_object(patch, obj)
		if (obj->patched)
			__klp_unpatch_object(obj, nops_only);
}

void klp_unpatch_objects(struct klp_patch *patch)
{
	__klp_unpatch_objects(patch, false);
}

void klp_unpatch_objects_dynamic(struct klp_patch *patch)
{
	__klp_unpatch_objects(patch, true);
}
