/*
 * patch.c - which implementation of a patched function runs.
 *
 * Each original function that any patch replaces has one klp_ops with a
 * stack of klp_func entries, newest first.  Outside a transition the top
 * entry is in effect.  During a transition the top entry is the one being
 * added or removed, and a task that has not switched yet keeps running the
 * entry below it (or the original).  A nop entry, added by atomic replace,
 * means "the original".
 *
 * The kernel enforces this in an ftrace handler on every call.  The model
 * has no ftrace: klp_func_target() is the handler's decision, and the
 * runner asks it whenever a scenario calls a function by name.  "Registering
 * the handler" only checks that the function is traceable, which scenarios
 * can deny with klp_sim_set_notrace().
 */
#define pr_fmt(fmt) "livepatch: " fmt

#include <stdlib.h>

#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/livepatch.h>
#include <linux/slab.h>

#include "compat/compat.h"
#include "core.h"
#include "patch.h"

static LIST_HEAD(klp_ops);

/* Functions whose ftrace registration fails, and how (model only). */
struct klp_notrace {
	struct klp_notrace *next;
	void *addr;
	int err;
};
static struct klp_notrace *klp_notrace_list;

void klp_sim_set_notrace(void *addr, int err)
{
	struct klp_notrace *n = calloc(1, sizeof(*n));

	if (!n)
		abort();
	n->addr = addr;
	n->err = err;
	n->next = klp_notrace_list;
	klp_notrace_list = n;
}

/* Stand-in for attaching the ftrace handler to @addr. */
static int klp_register_handler(void *addr)
{
	struct klp_notrace *n;

	for (n = klp_notrace_list; n; n = n->next)
		if (n->addr == addr)
			return n->err;
	return 0;
}

static bool klp_stack_is_singular(struct klp_ops *ops)
{
	return !list_empty(&ops->func_stack) &&
	       ops->func_stack.next == ops->func_stack.prev;
}

struct klp_ops *klp_find_ops(void *old_func)
{
	struct klp_ops *ops;

	list_for_each_entry(ops, &klp_ops, node)
		if (ops->old_func == old_func)
			return ops;
	return NULL;
}

void *klp_func_target(struct task_struct *task, void *old_func,
		      struct klp_func **funcp)
{
	struct klp_ops *ops = klp_find_ops(old_func);
	struct klp_func *func;

	*funcp = NULL;
	if (!ops || list_empty(&ops->func_stack))
		return old_func;

	func = list_first_entry(&ops->func_stack, struct klp_func, stack_node);

	/*
	 * Pairs with the barrier after klp_init_transition() and the state
	 * callbacks: a task that sees the transition flag also sees the
	 * patch state it must use.
	 */
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	if (func->transition) {
		int patch_state = task->patch_state;

		WARN_ON_ONCE(patch_state == KLP_TRANSITION_IDLE);
		if (patch_state == KLP_TRANSITION_UNPATCHED) {
			/* Not switched yet: whatever was in effect before. */
			if (list_is_last(&func->stack_node, &ops->func_stack))
				return old_func;
			func = list_next_entry(func, stack_node);
		}
	}

	if (func->nop)
		return old_func;
	*funcp = func;
	return func->new_func;
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

	if (klp_stack_is_singular(ops)) {
		/* The last user: the handler goes, calls reach the original. */
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
	struct klp_ops *ops;
	int ret;

	if (WARN_ON(!func->old_func))
		return -EINVAL;
	if (WARN_ON(func->patched))
		return -EINVAL;

	ops = klp_find_ops(func->old_func);
	if (!ops) {
		ret = klp_register_handler(func->old_func);
		if (ret) {
			pr_err("failed to register ftrace handler for function '%s' (%d)\n",
			       func->old_name, ret);
			return ret;
		}
		ops = kzalloc(sizeof(*ops), GFP_KERNEL);
		if (!ops)
			return -ENOMEM;
		INIT_LIST_HEAD(&ops->func_stack);
		ops->old_func = func->old_func;
		list_add(&ops->node, &klp_ops);
	}
	list_add(&func->stack_node, &ops->func_stack);
	func->patched = true;
	return 0;
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
