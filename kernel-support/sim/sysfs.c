// SPDX-License-Identifier: GPL-2.0-only
/*
 * sysfs.c - klp-sim's sysfs: path lookup for the livepatch files of
 * core.c's attribute tables.  The kernel finds them through kobjects; the
 * model has none, so the patch is found by its module's name and the
 * object by its name ("vmlinux" for NULL).
 */
#include <string.h>

#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/mutex.h>

#include "../core.h"
#include "sysfs.h"

#define KLP_SYSFS_BUF	4096

static struct klp_patch *find_patch(const char *name, size_t len)
{
	struct klp_patch *patch;

	klp_for_each_patch(patch)
		if (strlen(patch->mod->name) == len &&
		    !strncmp(patch->mod->name, name, len))
			return patch;
	return NULL;
}

static struct klp_object *find_object(struct klp_patch *patch,
				      const char *name, size_t len)
{
	struct klp_object *obj;

	klp_for_each_object(patch, obj) {
		const char *obj_name = klp_object_name(obj);

		if (strlen(obj_name) == len && !strncmp(obj_name, name, len))
			return obj;
	}
	return NULL;
}

static const struct klp_patch_attribute *find_patch_attr(const char *name)
{
	for (const struct klp_patch_attribute *a = klp_patch_attrs; a->name;
	     a++)
		if (!strcmp(a->name, name))
			return a;
	return NULL;
}

/*
 * Split @path into its patch and the rest; finds the patch under
 * klp_mutex, as the kernel's kobject lookup is safe against removal.
 */
static struct klp_patch *lookup(const char *path, const char **attr)
{
	const char *slash = strchr(path, '/');
	struct klp_patch *patch;

	if (!slash)
		return NULL;
	*attr = slash + 1;
	mutex_lock(&klp_mutex);
	patch = find_patch(path, slash - path);
	mutex_unlock(&klp_mutex);
	return patch;
}

int klp_sim_sysfs_store(const char *path, const char *buf)
{
	const struct klp_patch_attribute *a;
	struct klp_patch *patch;
	const char *attr;
	ssize_t ret;

	patch = lookup(path, &attr);
	if (!patch)
		return -ENOENT;
	if (strchr(attr, '/')) {
		/* <object>/patched is read-only, if it exists at all. */
		return -EACCES;
	}
	a = find_patch_attr(attr);
	if (!a)
		return -ENOENT;
	if (!a->store)
		return -EACCES;
	ret = a->store(patch, buf, strlen(buf));
	return ret < 0 ? (int)ret : 0;
}

int klp_sim_sysfs_show(const char *path, char *buf, size_t size)
{
	char page[KLP_SYSFS_BUF];
	const struct klp_patch_attribute *a;
	struct klp_patch *patch;
	struct klp_object *obj;
	const char *attr, *sub;
	ssize_t ret = -ENOENT;

	patch = lookup(path, &attr);
	if (!patch)
		return -ENOENT;

	mutex_lock(&klp_mutex);
	sub = strchr(attr, '/');
	if (sub) {
		obj = find_object(patch, attr, sub - attr);
		for (const struct klp_object_attribute *oa = klp_object_attrs;
		     obj && oa->name; oa++)
			if (!strcmp(oa->name, sub + 1))
				ret = oa->show(obj, page);
	} else {
		a = find_patch_attr(attr);
		if (a)
			ret = a->show ? a->show(patch, page) : -EACCES;
	}
	mutex_unlock(&klp_mutex);
	if (ret < 0)
		return (int)ret;
	snprintf(buf, size, "%.*s", (int)ret, page);
	return (int)ret;
}

int klp_sim_sysfs_mode(const char *path, umode_t *mode, bool *dir)
{
	const struct klp_patch_attribute *a;
	struct klp_patch *patch;
	struct klp_object *obj;
	const char *attr, *sub;
	char name[256];
	int ret = -ENOENT;

	/* Directories are 0755, as kobjects' are. */
	*dir = true;
	*mode = 0755;
	snprintf(name, sizeof(name), "%s/", path);
	if (!strchr(path, '/')) {
		patch = lookup(name, &attr);
		return patch ? 0 : -ENOENT;
	}
	patch = lookup(path, &attr);
	if (!patch)
		return -ENOENT;
	if (!*attr)
		return 0;	/* "<patch>/": the directory */
	mutex_lock(&klp_mutex);
	sub = strchr(attr, '/');
	*dir = false;
	if (sub) {
		obj = find_object(patch, attr, sub - attr);
		for (const struct klp_object_attribute *oa = klp_object_attrs;
		     obj && oa->name; oa++)
			if (!strcmp(oa->name, sub + 1)) {
				*mode = oa->mode;
				ret = 0;
			}
	} else if ((obj = find_object(patch, attr, strlen(attr)))) {
		*dir = true;
		ret = 0;
	} else if ((a = find_patch_attr(attr))) {
		*mode = a->mode;
		ret = 0;
	}
	mutex_unlock(&klp_mutex);
	return ret;
}
