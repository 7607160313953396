// SPDX-License-Identifier: GPL-2.0-only
/*
 * kmalloc() and vmalloc() with ownership and slab-like reuse.
 *
 * Each block records the module that allocated it (from the caller's
 * address) and gets a stable label, "<module>#<n>", that printk()'s %p and
 * the transcript use instead of the address.  Freed blocks are kept on a
 * per-size LIFO list and handed out again first, like a slab cache: a
 * module that frees an object and allocates another of the same size gets
 * the same address back, which is what makes stale shadow variables
 * observable (scenario DER-12).  Under AddressSanitizer freed blocks are
 * poisoned, so a use after free is still reported.
 *
 * Fresh blocks are filled with a poison byte unless zeroing was asked for,
 * so that reading uninitialised memory is deterministic.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "compat.h"

#if defined(__SANITIZE_ADDRESS__)
#define KLP_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KLP_ASAN 1
#endif
#endif

#ifdef KLP_ASAN
#include <sanitizer/asan_interface.h>
#else
#define ASAN_POISON_MEMORY_REGION(addr, size)	((void)(addr), (void)(size))
#define ASAN_UNPOISON_MEMORY_REGION(addr, size)	((void)(addr), (void)(size))
#endif

#define POISON_INUSE	0x5a	/* allocated, not initialised */
#define POISON_FREE	0x6b	/* freed */

#define ZERO_SIZE_PTR	((void *)16)

/**
 * struct klp_alloc - a live block
 * @hnext:	next block in the same hash bucket
 * @node:	link in klp_allocs, in allocation order
 * @ptr:	the block
 * @size:	its size as requested
 * @owner:	the allocating module; NULL for vmlinux or after the module
 *		is gone (then @orphan is set)
 * @orphan:	allocated by a module that has been unloaded
 * @vmalloc:	from the vmalloc() family
 * @label:	"<module>#<n>", fixed at allocation
 */
struct klp_alloc {
	struct klp_alloc *hnext;
	struct list_head node;
	void *ptr;
	size_t size;
	struct klp_sim_module *owner;
	bool orphan;
	bool vmalloc;
	char label[80];
};

#define KLP_ALLOC_HASH	1024
static struct klp_alloc *klp_alloc_hash[KLP_ALLOC_HASH];
static LIST_HEAD(klp_allocs);

/* Freed blocks of one size, most recently freed last. */
struct klp_cache {
	struct klp_cache *next;
	size_t size;
	void **blocks;
	size_t nr, cap;
};
static struct klp_cache *klp_caches;

static unsigned int hash_ptr(const void *ptr)
{
	return ((uintptr_t)ptr >> 4) % KLP_ALLOC_HASH;
}

static struct klp_alloc *find_alloc(const void *ptr, struct klp_alloc ***link)
{
	struct klp_alloc **pp = &klp_alloc_hash[hash_ptr(ptr)];

	for (; *pp; pp = &(*pp)->hnext) {
		if ((*pp)->ptr == ptr) {
			if (link)
				*link = pp;
			return *pp;
		}
	}
	return NULL;
}

static struct klp_cache *find_cache(size_t size, bool create)
{
	struct klp_cache *c;

	for (c = klp_caches; c; c = c->next)
		if (c->size == size)
			return c;
	if (!create)
		return NULL;
	c = calloc(1, sizeof(*c));
	if (!c)
		abort();
	c->size = size;
	c->next = klp_caches;
	klp_caches = c;
	return c;
}

static bool in_cache(const void *ptr)
{
	for (struct klp_cache *c = klp_caches; c; c = c->next)
		for (size_t i = 0; i < c->nr; i++)
			if (c->blocks[i] == ptr)
				return true;
	return false;
}

static void *get_block(size_t size)
{
	struct klp_cache *c = find_cache(size, false);
	void *block;

	if (c && c->nr) {
		block = c->blocks[--c->nr];
		ASAN_UNPOISON_MEMORY_REGION(block, size);
		return block;
	}
	return malloc(size);
}

static void put_block(void *block, size_t size)
{
	struct klp_cache *c = find_cache(size, true);

	if (c->nr == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 16;
		c->blocks = realloc(c->blocks, c->cap * sizeof(*c->blocks));
		if (!c->blocks)
			abort();
	}
	memset(block, POISON_FREE, size);
	ASAN_POISON_MEMORY_REGION(block, size);
	c->blocks[c->nr++] = block;
}

static void *klp_alloc(size_t size, gfp_t flags, const char *fn, bool vmalloc,
		       const void *caller)
{
	struct klp_sim_module *owner;
	struct klp_alloc *a;
	unsigned int h;

	if (vmalloc || gfpflags_allow_blocking(flags))
		klp_sim_might_sleep(fn);
	if (!size)
		return ZERO_SIZE_PTR;

	a = calloc(1, sizeof(*a));
	if (!a)
		return NULL;
	a->ptr = get_block(size);
	if (!a->ptr) {
		free(a);
		return NULL;
	}
	memset(a->ptr, (flags & __GFP_ZERO) ? 0 : POISON_INUSE, size);

	owner = klp_sim_module_of(caller);
	a->size = size;
	a->owner = owner;
	a->vmalloc = vmalloc;
	snprintf(a->label, sizeof(a->label), "%s#%u",
		 owner ? klp_sim_module_name(owner) : "vmlinux",
		 klp_sim_module_next_alloc(owner));

	h = hash_ptr(a->ptr);
	a->hnext = klp_alloc_hash[h];
	klp_alloc_hash[h] = a;
	list_add_tail(&a->node, &klp_allocs);
	return a->ptr;
}

static void klp_free(const void *ptr, const char *fn)
{
	struct klp_alloc **link, *a;

	if (!ptr || ptr == ZERO_SIZE_PTR)
		return;
	a = find_alloc(ptr, &link);
	if (!a) {
		if (in_cache(ptr))
			klp_sim_line("BUG: %s: double free of an object", fn);
		else
			klp_sim_line("BUG: %s: invalid pointer %p", fn, ptr);
		return;
	}
	*link = a->hnext;
	list_del(&a->node);
	put_block(a->ptr, a->size);
	free(a);
}

const char *klp_sim_mm_label(const void *ptr, unsigned long *offset)
{
	struct klp_alloc *a = find_alloc(ptr, NULL);

	if (a) {
		*offset = 0;
		return a->label;
	}
	/* An interior pointer: rare enough for a linear search. */
	list_for_each_entry(a, &klp_allocs, node) {
		const char *p = ptr, *start = a->ptr;

		if (p > start && p < start + a->size) {
			*offset = p - start;
			return a->label;
		}
	}
	return NULL;
}

void klp_sim_mm_module_gone(const void *owner)
{
	struct klp_alloc *a;

	list_for_each_entry(a, &klp_allocs, node) {
		if (a->owner && (const void *)a->owner == owner) {
			a->owner = NULL;
			a->orphan = true;
		}
	}
}

unsigned int klp_sim_mm_report_leaks(void)
{
	struct klp_alloc *a;
	unsigned int count = 0;

	list_for_each_entry(a, &klp_allocs, node) {
		if (!a->orphan)
			continue;
		klp_sim_event("leak: %zu bytes (%s) allocated by a module that is gone",
			      a->size, a->label);
		count++;
	}
	return count;
}

/* ------------------------------------------------------------------------
 * The allocator API.  The caller's address decides the owner, so every
 * entry point passes its own return address down.
 */

#define CALLER	__builtin_return_address(0)

void *kmalloc(size_t size, gfp_t flags)
{
	return klp_alloc(size, flags, "kmalloc", false, CALLER);
}

void *kzalloc(size_t size, gfp_t flags)
{
	return klp_alloc(size, flags | __GFP_ZERO, "kzalloc", false, CALLER);
}

void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return klp_alloc(n * size, flags, "kmalloc_array", false, CALLER);
}

void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return klp_alloc(n * size, flags | __GFP_ZERO, "kcalloc", false,
			 CALLER);
}

void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	struct klp_alloc *a = p ? find_alloc(p, NULL) : NULL;
	void *q;

	if (p && p != ZERO_SIZE_PTR && !a) {
		klp_sim_line("BUG: krealloc: invalid pointer %p", p);
		return NULL;
	}
	if (!new_size) {
		klp_free(p, "krealloc");
		return ZERO_SIZE_PTR;
	}
	q = klp_alloc(new_size, flags, "krealloc", false, CALLER);
	if (q && a) {
		memcpy(q, a->ptr, min(a->size, new_size));
		klp_free(p, "krealloc");
	}
	return q;
}

void kfree(const void *objp)
{
	klp_free(objp, "kfree");
}

char *kstrdup(const char *s, gfp_t gfp)
{
	char *copy;

	if (!s)
		return NULL;
	copy = klp_alloc(strlen(s) + 1, gfp, "kstrdup", false, CALLER);
	if (copy)
		strcpy(copy, s);
	return copy;
}

char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	size_t len;
	char *copy;

	if (!s)
		return NULL;
	len = strnlen(s, max);
	copy = klp_alloc(len + 1, gfp, "kstrndup", false, CALLER);
	if (copy) {
		memcpy(copy, s, len);
		copy[len] = '\0';
	}
	return copy;
}

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *copy = klp_alloc(len, gfp, "kmemdup", false, CALLER);

	if (copy && len)
		memcpy(copy, src, len);
	return copy;
}

void *kvmalloc(size_t size, gfp_t flags)
{
	return klp_alloc(size, flags, "kvmalloc", false, CALLER);
}

void *kvzalloc(size_t size, gfp_t flags)
{
	return klp_alloc(size, flags | __GFP_ZERO, "kvzalloc", false, CALLER);
}

void kvfree(const void *addr)
{
	/* kvfree() may have to vfree(), which sleeps. */
	klp_sim_might_sleep("kvfree");
	klp_free(addr, "kvfree");
}

void *vmalloc(unsigned long size)
{
	return klp_alloc(size, GFP_KERNEL, "vmalloc", true, CALLER);
}

void *vzalloc(unsigned long size)
{
	return klp_alloc(size, GFP_KERNEL | __GFP_ZERO, "vzalloc", true,
			 CALLER);
}

void vfree(const void *addr)
{
	klp_sim_might_sleep("vfree");
	klp_free(addr, "vfree");
}
