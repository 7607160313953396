/*
 * shadow.c - shadow variables: data attached to any object by <obj, id>.
 *
 * One global hash table of 4096 buckets, keyed by the object's address,
 * holds the variables of every livepatch.  Lookups are lockless (RCU);
 * creating and freeing take klp_shadow_lock with interrupts off, and the
 * constructor and destructor run under it.  They are therefore in atomic
 * context even when the core calls klp_shadow_free_all() from process
 * context, and must neither sleep nor call back into this API.
 *
 * The model also keeps the variables in creation order, so that
 * klp_shadow_free_all() visits them in the same order on every run (the
 * kernel's bucket order depends on addresses), and records who allocated
 * each one for the leak report.  Transcript events:
 * "shadow_alloc(<obj>,<id>)", "dtor(<module>,<id>)" and
 * "shadow_free(<obj>,<id>)".
 */
#define pr_fmt(fmt) "livepatch: " fmt

#include <stdint.h>
#include <string.h>

#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/livepatch.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#include "compat/compat.h"
#include "shadow.h"

static DEFINE_SPINLOCK(klp_shadow_lock);

#define KLP_SHADOW_HASH_BITS	12
static struct hlist_head klp_shadow_hash[1 << KLP_SHADOW_HASH_BITS];

/* Every live variable, oldest first (model only). */
static LIST_HEAD(klp_shadows);

/**
 * struct klp_shadow - a shadow variable
 * @node:	link in its hash bucket
 * @all:	link in klp_shadows
 * @rcu_head:	defers the free past lockless readers
 * @obj:	the object it is attached to
 * @id:		its id
 * @desc:	how @obj was named when the variable was created; the object
 *		itself may be gone by the time the variable is reported
 * @owner:	the module that allocated it
 * @data:	the variable's data
 */
struct klp_shadow {
	struct hlist_node node;
	struct list_head all;
	struct rcu_head rcu_head;
	void *obj;
	unsigned long id;
	char desc[KLP_SIM_DESC_LEN];
	char owner[MODULE_NAME_LEN];
	char data[];
};

static struct hlist_head *klp_shadow_bucket(const void *obj)
{
	uintptr_t key = (uintptr_t)obj;

	key ^= key >> 12 ^ key >> 24;
	return &klp_shadow_hash[(key >> 3) & ((1 << KLP_SHADOW_HASH_BITS) - 1)];
}

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
	hlist_for_each_entry(shadow, klp_shadow_bucket(obj), node) {
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
				       bool warn_on_exist, const void *caller)
{
	struct klp_shadow *new_shadow;
	const char *owner;
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
	klp_sim_describe(obj, new_shadow->desc, sizeof(new_shadow->desc));
	owner = klp_sim_owner_name(caller);
	snprintf(new_shadow->owner, sizeof(new_shadow->owner), "%s",
		 owner ? owner : "vmlinux");

	/* Construct under the lock, so nobody sees a half-built variable. */
	if (ctor) {
		int err = ctor(obj, new_shadow->data, ctor_data);

		if (err) {
			spin_unlock_irqrestore(&klp_shadow_lock, flags);
			kfree(new_shadow);
			pr_err("Failed to construct shadow variable <%p, %lu> (%d)\n",
			       obj, id, err);
			return NULL;
		}
	}

	hlist_add_head(&new_shadow->node, klp_shadow_bucket(obj));
	list_add_tail(&new_shadow->all, &klp_shadows);
	spin_unlock_irqrestore(&klp_shadow_lock, flags);

	klp_sim_event("shadow_alloc(%s,%lu)", new_shadow->desc, id);
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
					 ctor_data, true,
					 __builtin_return_address(0));
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
					 ctor_data, false,
					 __builtin_return_address(0));
}

/* Called with klp_shadow_lock held: @dtor runs in atomic context. */
static void klp_shadow_free_struct(struct klp_shadow *shadow,
				   klp_shadow_dtor_t dtor)
{
	hlist_del(&shadow->node);
	list_del(&shadow->all);
	if (dtor) {
		const char *mod = klp_sim_owner_name((const void *)dtor);

		if (mod)
			klp_sim_event("dtor(%s,%lu)", mod, shadow->id);
		else
			klp_sim_event("dtor(%p,%lu)", (const void *)dtor,
				      shadow->id);
		dtor(shadow->obj, shadow->data);
	}
	klp_sim_event("shadow_free(%s,%lu)", shadow->desc, shadow->id);
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
	hlist_for_each_entry(shadow, klp_shadow_bucket(obj), node) {
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
	struct klp_shadow *shadow, *tmp;
	unsigned long flags;

	spin_lock_irqsave(&klp_shadow_lock, flags);
	list_for_each_entry_safe(shadow, tmp, &klp_shadows, all) {
		if (shadow->id == id)
			klp_shadow_free_struct(shadow, dtor);
	}
	spin_unlock_irqrestore(&klp_shadow_lock, flags);
}

/* ------------------------------------------------------------------------
 * Queries for the runner (model only)
 */

unsigned int klp_shadow_count(unsigned long id, bool any_id,
			      const char *obj_desc)
{
	struct klp_shadow *shadow;
	unsigned int count = 0;

	list_for_each_entry(shadow, &klp_shadows, all)
		if ((any_id || shadow->id == id) &&
		    (!obj_desc || !strcmp(shadow->desc, obj_desc)))
			count++;
	return count;
}

unsigned int klp_shadow_report(const char *prefix)
{
	struct klp_shadow *shadow;
	unsigned int count = 0;

	list_for_each_entry(shadow, &klp_shadows, all) {
		klp_sim_event("%sshadow(%s,%lu) allocated by %s", prefix,
			      shadow->desc, shadow->id, shadow->owner);
		count++;
	}
	return count;
}
