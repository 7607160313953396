/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * klp-sim's sysfs: the files scenarios read and write, found by path.
 */
#ifndef _KLP_SIM_SYSFS_H
#define _KLP_SIM_SYSFS_H

#include <linux/types.h>

/*
 * klp_sim_sysfs_store() - write @buf to the file at @path
 * @path:	"<patch>/<attr>" or "<patch>/<object>/<attr>" under
 *		/sys/kernel/livepatch
 *
 * Return: 0, -ENOENT if there is no such file, -EACCES if it cannot be
 * written, or the error of the file's store.
 */
int klp_sim_sysfs_store(const char *path, const char *buf);

/*
 * klp_sim_sysfs_show() - read the file at @path into @buf (NUL-terminated)
 *
 * Return: the length, -ENOENT, -EACCES if it cannot be read, or the error
 * of the file's show.
 */
int klp_sim_sysfs_show(const char *path, char *buf, size_t size);

/*
 * klp_sim_sysfs_mode() - the permissions of the file or directory at
 * @path ("<patch>", "<patch>/<attr>" or "<patch>/<object>/<attr>").
 *
 * Return: 0, or -ENOENT.
 */
int klp_sim_sysfs_mode(const char *path, umode_t *mode, bool *dir);

#endif /* _KLP_SIM_SYSFS_H */
