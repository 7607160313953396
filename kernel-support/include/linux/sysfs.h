/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Minimal sysfs attributes for the klp-lint user-space kernel headers.
 */
#ifndef _LINUX_SYSFS_H
#define _LINUX_SYSFS_H

#include <linux/compiler.h>
#include <linux/stringify.h>
#include <linux/types.h>

struct kobject;

/**
 * struct attribute - a sysfs file
 * @name: file name
 * @mode: permissions
 */
struct attribute {
	const char *name;
	umode_t mode;
};

/* Initialisers for a kobj_attribute (or similar) named after its file. */
#define __ATTR(_name, _mode, _show, _store) {				\
	.attr = { .name = __stringify(_name), .mode = (_mode) },	\
	.show = _show,							\
	.store = _store,						\
}
#define __ATTR_RO(_name) {						\
	.attr = { .name = __stringify(_name), .mode = 0444 },		\
	.show = _name##_show,						\
}
#define __ATTR_WO(_name) {						\
	.attr = { .name = __stringify(_name), .mode = 0200 },		\
	.store = _name##_store,						\
}
#define __ATTR_RW(_name)						\
	__ATTR(_name, 0644, _name##_show, _name##_store)

/**
 * sysfs_create_file() - add an attribute file to a kobject's directory
 * @kobj: the kobject
 * @attr: the attribute
 *
 * Return: 0 or a negative errno.
 */
int sysfs_create_file(struct kobject *kobj, const struct attribute *attr) __must_check;

/**
 * sysfs_remove_file() - remove an attribute file
 * @kobj: the kobject
 * @attr: the attribute
 */
void sysfs_remove_file(struct kobject *kobj, const struct attribute *attr);

/**
 * sysfs_emit() - format a sysfs show() result into its one-page buffer
 * @buf: the buffer passed to show()
 * @fmt: printf-style format
 *
 * Return: the number of characters written.
 */
int sysfs_emit(char *buf, const char *fmt, ...) __printf(2, 3);

#endif /* _LINUX_SYSFS_H */
