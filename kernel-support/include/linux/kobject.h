/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Minimal kobjects for the klp-lint user-space kernel headers: named sysfs
 * directories with attribute files.
 */
#ifndef _LINUX_KOBJECT_H
#define _LINUX_KOBJECT_H

#include <linux/compiler.h>
#include <linux/sysfs.h>
#include <linux/types.h>

/**
 * struct kobject - a reference-counted object with a sysfs directory
 * @name: directory name
 * @parent: parent directory, or NULL for the sysfs root
 * @refcount: references held
 */
struct kobject {
	const char *name;
	struct kobject *parent;
	int refcount;
};

/**
 * struct kobj_attribute - a sysfs file of a kobject
 * @attr: name and permissions
 * @show: fills @buf (one page) on read; returns the length or -errno
 * @store: parses @count bytes of @buf on write; returns @count or -errno
 */
struct kobj_attribute {
	struct attribute attr;
	ssize_t (*show)(struct kobject *kobj, struct kobj_attribute *attr,
			char *buf);
	ssize_t (*store)(struct kobject *kobj, struct kobj_attribute *attr,
			 const char *buf, size_t count);
};

/* /sys/kernel */
extern struct kobject *kernel_kobj;

/**
 * kobject_create_and_add() - create a kobject and its sysfs directory
 * @name: directory name
 * @parent: parent kobject, or NULL
 *
 * Return: the kobject (drop it with kobject_put()), or NULL on failure.
 */
struct kobject *kobject_create_and_add(const char *name, struct kobject *parent);

/**
 * kobject_get() - take a reference
 * @kobj: the kobject, or NULL
 *
 * Return: @kobj.
 */
struct kobject *kobject_get(struct kobject *kobj);

/**
 * kobject_put() - drop a reference; the last one frees the kobject
 * @kobj: the kobject, or NULL
 */
void kobject_put(struct kobject *kobj);

#endif /* _LINUX_KOBJECT_H */
