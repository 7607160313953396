/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Livepatch core: the patch list, klp_mutex and the helpers the transition
 * and state code share with it.
 */
#ifndef _LIVEPATCH_CORE_H
#define _LIVEPATCH_CORE_H

#include <linux/livepatch.h>
#include <linux/mutex.h>

/* Longest symbol name kallsyms stores, terminator included. */
#define KSYM_NAME_LEN	512

extern struct mutex klp_mutex;

/* Every registered patch, in order of klp_init_patch(). */
extern struct list_head klp_patches;

#define klp_for_each_patch(patch)					\
	list_for_each_entry(patch, &klp_patches, list)
#define klp_for_each_patch_safe(patch, tmp_patch)			\
	list_for_each_entry_safe(patch, tmp_patch, &klp_patches, list)

void klp_free_patch_async(struct klp_patch *patch);
void klp_free_replaced_patches_async(struct klp_patch *new_patch);
void klp_unpatch_replaced_patches(struct klp_patch *new_patch);
void klp_discard_nops(struct klp_patch *new_patch);

static inline bool klp_is_module(struct klp_object *obj)
{
	return obj->name;
}

/* vmlinux is always there; a module object only while klp_alive. */
static inline bool klp_is_object_loaded(struct klp_object *obj)
{
	return !obj->name || obj->mod;
}

/* The name of an object in messages and in sysfs. */
static inline const char *klp_object_name(struct klp_object *obj)
{
	return klp_is_module(obj) ? obj->name : "vmlinux";
}

/**
 * struct klp_patch_attribute - a file in /sys/kernel/livepatch/<patch>/
 * @name:	the file name
 * @mode:	its permissions
 * @show:	fills a PAGE_SIZE buffer; returns the length or -errno
 * @store:	takes the written text; returns @count or -errno
 *
 * The kernel's are kobj_attributes of the patch's kobject.  The model has
 * no kobjects: the sysfs layer of the runner finds the patch by name.
 */
struct klp_patch_attribute {
	const char *name;
	umode_t mode;
	ssize_t (*show)(struct klp_patch *patch, char *buf);
	ssize_t (*store)(struct klp_patch *patch, const char *buf,
			 size_t count);
};

/* A file in /sys/kernel/livepatch/<patch>/<object>/. */
struct klp_object_attribute {
	const char *name;
	umode_t mode;
	ssize_t (*show)(struct klp_object *obj, char *buf);
};

/* Both tables end with an entry whose name is NULL. */
extern const struct klp_patch_attribute klp_patch_attrs[];
extern const struct klp_object_attribute klp_object_attrs[];

#endif /* _LIVEPATCH_CORE_H */
