// SPDX-License-Identifier: GPL-2.0-only
/*
 * shadow.c - shadow variables: data attached to any object by <obj, id>.
 *
 * One global hash table, keyed by the object's address, holds the
 * variables of every livepatch.  Lookups are lockless (RCU); creating and
 * freeing take klp_shadow_lock with interrupts off, and the constructor and
 * destructor run under it.  They are therefore in atomic context even when
 * the core calls klp_shadow_free_all() from process context, and must
 * neither sleep nor call back into this API.
 *
 * The trace points report each variable's life to the runner, which keeps
 * who allocated it and prints the transcript's shadow events
 * ("shadow_alloc(<obj>,<id>)", "ctor(<module>,<id>)", "dtor(<module>,<id>)",
 * "shadow_free(<obj>,<id>)").  While a constructor or destructor runs, the
 * model's atomic-context reports name it (klp_sim_atomic_callee_enter()),
 * as the kernel's call trace below "sleeping function called from invalid
 * context" or lockdep's recursion report would.  The model's hash table iterates in creation
 * order (compat/hashtable.h), so klp_shadow_free_all() visits variables in
 * the same order on every run.
 */
#define pr_fmt(fmt) "livepatch: " fmt

#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/livepatch.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#include "compat/compat.h"
#include "compat/hashtable.h"
#include "compat/trace.h"

static DEFINE_SPINLOCK(klp_shadow_lock);

#define SHADOW_HASH_BITS	12
static DEFINE_HASHTABLE(klp_shadow_hash, SHADOW_HASH_BITS);

/**
 * struct klp_shadow - a shadow variable
 * @node:	link in its hash bucket
 * @rcu_head:	defers the free past lockless readers
 * @obj:	the object it is attached to
 * @id:		its id
 * @data:	the variable's data
 */
struct klp_shadow {
	struct hlist_node node;
	struct rcu_head rcu_head;
	void *obj;
	unsigned long id;
	char data[];
};

static bool klp_shadow_match(struct klp_shadow *shadow, void *obj,
			     unsigned long id)
{
	return shadow->obj == obj && shadow->id == id;
}

/**
 * klp_shadow_get() - look up a shadow variable
 * @obj:	the object the variable is attached to
 * @id:		the variable's id
 *
 * Return: the variable's data, or NULL if <@obj, @id> has none.
 */
void *klp_shadow_get(void *obj, unsigned long id)
{
	struct klp_shadow *shadow;

	rcu_read_lock();
	hash_for_each_possible_rcu(klp_shadow_hash, shadow, node,
				   (unsigned long)obj) {
		if (klp_shadow_match(shadow, obj, id)) {
			rcu_read_unlock();
			return shadow->data;
		}
	}
	rcu_read_unlock();
	return NULL;
}

static void *__klp_shadow_get_or_alloc(void *obj, unsigned long id,
				       size_t size, gfp_t gfp_flags,
				       klp_shadow_ctor_t ctor, void *ctor_data,
				       bool warn_on_exist, unsigned long caller)
{
	struct klp_shadow *new_shadow;
	void *shadow_data;
	unsigned long flags;

	shadow_data = klp_shadow_get(obj, id);
	if (shadow_data)
		goto exists;

	/*
	 * Allocate outside the lock with the caller's flags; the buffer may
	 * be thrown away if another caller wins the race below.
	 */
	new_shadow = kzalloc(sizeof(*new_shadow) + size, gfp_flags);
	if (!new_shadow)
		return NULL;

	spin_lock_irqsave(&klp_shadow_lock, flags);
	shadow_data = klp_shadow_get(obj, id);
	if (unlikely(shadow_data)) {
		spin_unlock_irqrestore(&klp_shadow_lock, flags);
		kfree(new_shadow);
		goto exists;
	}

	new_shadow->obj = obj;
	new_shadow->id = id;

	/* Construct under the lock, so nobody sees a half-built variable. */
	if (ctor) {
		int err;

		trace_klp_shadow_ctor(obj, id, new_shadow->data, ctor);
		klp_sim_atomic_callee_enter("shadow constructor",
					    "klp_shadow_lock", ctor);
		err = ctor(obj, new_shadow->data, ctor_data);
		klp_sim_atomic_callee_exit();

		if (err) {
			spin_unlock_irqrestore(&klp_shadow_lock, flags);
			kfree(new_shadow);
			pr_err("Failed to construct shadow variable <%p, %lu> (%d)\n",
			       obj, id, err);
			return NULL;
		}
	}

	hash_add_rcu(klp_shadow_hash, &new_shadow->node, (unsigned long)obj);
	trace_klp_shadow_alloc(obj, id, new_shadow->data, caller);
	spin_unlock_irqrestore(&klp_shadow_lock, flags);

	return new_shadow->data;

exists:
	if (warn_on_exist) {
		WARN(1, "Duplicate shadow variable <%p, %lu>\n", obj, id);
		return NULL;
	}
	return shadow_data;
}

/**
 * klp_shadow_alloc() - attach a new shadow variable to an object
 * @obj:	the object
 * @id:		the variable's id
 * @size:	size of the variable's data
 * @gfp_flags:	allocation flags; they must suit the caller's context
 * @ctor:	constructor run on the zeroed data, under the lock, or NULL
 * @ctor_data:	argument for @ctor
 *
 * Return: the new variable's data; NULL if <@obj, @id> already exists (a
 * warning is printed), the allocation failed or @ctor failed.
 */
void *klp_shadow_alloc(void *obj, unsigned long id, size_t size,
		       gfp_t gfp_flags, klp_shadow_ctor_t ctor,
		       void *ctor_data)
{
	return __klp_shadow_get_or_alloc(obj, id, size, gfp_flags, ctor,
					 ctor_data, true, _RET_IP_);
}

/**
 * klp_shadow_get_or_alloc() - look up a shadow variable, creating it if absent
 * @obj:	the object
 * @id:		the variable's id
 * @size:	size of the variable's data
 * @gfp_flags:	allocation flags; they must suit the caller's context
 * @ctor:	constructor, run only for a new variable, or NULL
 * @ctor_data:	argument for @ctor
 *
 * Return: the existing or new variable's data, or NULL if the allocation
 * or @ctor failed.
 */
void *klp_shadow_get_or_alloc(void *obj, unsigned long id, size_t size,
			      gfp_t gfp_flags, klp_shadow_ctor_t ctor,
			      void *ctor_data)
{
	return __klp_shadow_get_or_alloc(obj, id, size, gfp_flags, ctor,
					 ctor_data, false, _RET_IP_);
}

/* Called with klp_shadow_lock held: @dtor runs in atomic context. */
static void klp_shadow_free_struct(struct klp_shadow *shadow,
				   klp_shadow_dtor_t dtor)
{
	hash_del_rcu(&shadow->node);
	if (dtor) {
		trace_klp_shadow_dtor(shadow->obj, shadow->id, shadow->data,
				      dtor);
		klp_sim_atomic_callee_enter("shadow destructor",
					    "klp_shadow_lock", dtor);
		dtor(shadow->obj, shadow->data);
		klp_sim_atomic_callee_exit();
	}
	trace_klp_shadow_free(shadow->obj, shadow->id, shadow->data);
	kfree_rcu(shadow, rcu_head);
}

/**
 * klp_shadow_free() - detach and free one shadow variable
 * @obj:	the object
 * @id:		the variable's id
 * @dtor:	destructor run before the data is freed, or NULL
 */
void klp_shadow_free(void *obj, unsigned long id, klp_shadow_dtor_t dtor)
{
	struct klp_shadow *shadow;
	unsigned long flags;

	spin_lock_irqsave(&klp_shadow_lock, flags);
	hash_for_each_possible_rcu(klp_shadow_hash, shadow, node,
				   (unsigned long)obj) {
		if (klp_shadow_match(shadow, obj, id)) {
			klp_shadow_free_struct(shadow, dtor);
			break;
		}
	}
	spin_unlock_irqrestore(&klp_shadow_lock, flags);
}

/**
 * klp_shadow_free_all() - free the shadow variables with @id of all objects
 * @id:		the variables' id
 * @dtor:	destructor run on each before its data is freed, or NULL
 */
void klp_shadow_free_all(unsigned long id, klp_shadow_dtor_t dtor)
{
	struct klp_shadow *shadow;
	struct hlist_node *tmp;
	unsigned long flags;
	unsigned int i;

	spin_lock_irqsave(&klp_shadow_lock, flags);
	hash_for_each_safe(klp_shadow_hash, i, tmp, shadow, node) {
		if (shadow->id == id)
			klp_shadow_free_struct(shadow, dtor);
	}
	spin_unlock_irqrestore(&klp_shadow_lock, flags);
}
