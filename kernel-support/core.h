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

/*
 * The sysfs interface, /sys/kernel/livepatch/<patch>/...  @path is
 * "<patch>/<attr>" or "<patch>/<object>/<attr>".  The store returns 0 or a
 * negative errno (-ENOENT when the file does not exist); the show returns
 * the length written to @buf or a negative errno.
 */
int klp_sysfs_store(const char *path, const char *buf);
int klp_sysfs_show(const char *path, char *buf, size_t size);

#endif /* _LIVEPATCH_CORE_H */
