/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A minimal <linux/hashtable.h> for the core.
 *
 * The kernel's tables iterate in bucket order, which depends on object
 * addresses and would make transcripts differ from run to run (and between
 * sanitizer builds).  This one keeps the kernel's interface but hashes
 * every key to one bucket and appends, so that hash_for_each*() visits
 * entries in insertion order.  Lookups are linear; the tables here are
 * small.
 */
#ifndef _KLP_COMPAT_HASHTABLE_H
#define _KLP_COMPAT_HASHTABLE_H

#include <linux/list.h>
#include <linux/kernel.h>

#define DEFINE_HASHTABLE(name, bits)					\
	struct hlist_head name[1 << (bits)]

#define HASH_SIZE(name)		ARRAY_SIZE(name)

/* Every key lands in bucket 0: see above. */
#define hash_min(key, bits)	((void)(key), (void)(bits), 0u)
#define hash_ptr(ptr, bits)	hash_min(ptr, bits)

static inline void klp_hlist_add_tail(struct hlist_node *n,
				      struct hlist_head *h)
{
	struct hlist_node *last = h->first;

	if (!last) {
		hlist_add_head(n, h);
		return;
	}
	while (last->next)
		last = last->next;
	n->next = NULL;
	n->pprev = &last->next;
	last->next = n;
}

#define hash_add_rcu(table, node, key)					\
	klp_hlist_add_tail(node, &(table)[hash_min(key, 0)])
#define hash_del_rcu(node)	hlist_del(node)

#define hash_for_each_possible_rcu(table, obj, member, key)		\
	hlist_for_each_entry(obj, &(table)[hash_min(key, 0)], member)

#define hash_for_each_safe(table, bkt, tmp, obj, member)		\
	for ((bkt) = 0; (bkt) < HASH_SIZE(table); (bkt)++)		\
		hlist_for_each_entry_safe(obj, tmp, &(table)[bkt], member)

#endif /* _KLP_COMPAT_HASHTABLE_H */
