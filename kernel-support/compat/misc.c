// SPDX-License-Identifier: GPL-2.0-only
/*
 * The rest of the kernel API the headers declare: strings, number parsing,
 * and minimal stand-ins for kobjects, sysfs, procfs, seq_file and user
 * copies.  None of these is modelled beyond what a module needs in order to
 * load and run; sysfs and procfs files are accepted and never shown.
 * Sleeping entry points still check the context.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/uaccess.h>

#include "compat.h"


/* ------------------------------------------------------------------------
 * Strings and numbers
 */

ssize_t strscpy(char *dest, const char *src, size_t count)
{
	size_t len;

	if (!count)
		return -E2BIG;
	len = strnlen(src, count);
	if (len == count) {
		memcpy(dest, src, count - 1);
		dest[count - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dest, src, len + 1);
	return len;
}

size_t strlcpy(char *dest, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size ? len : size - 1;

		memcpy(dest, src, n);
		dest[n] = '\0';
	}
	return len;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int len;

	if (!size)
		return 0;
	va_start(args, fmt);
	len = klp_sim_vformat(buf, size, fmt, args);
	va_end(args);
	return len < (int)size ? len : (int)size - 1;
}

/* Whole string, one optional trailing newline, as the kernel accepts. */
static int parse_end(const char *end)
{
	if (*end == '\n')
		end++;
	return *end ? -EINVAL : 0;
}

int kstrtol(const char *s, unsigned int base, long *res)
{
	char *end;
	long v;

	if (!*s || isspace((unsigned char)*s))
		return -EINVAL;
	errno = 0;
	v = strtol(s, &end, base);
	if (errno)
		return -ERANGE;
	if (end == s || parse_end(end))
		return -EINVAL;
	*res = v;
	return 0;
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	char *end;
	unsigned long v;

	if (!*s || isspace((unsigned char)*s) || *s == '-')
		return -EINVAL;
	errno = 0;
	v = strtoul(s, &end, base);
	if (errno)
		return -ERANGE;
	if (end == s || parse_end(end))
		return -EINVAL;
	*res = v;
	return 0;
}

int kstrtoint(const char *s, unsigned int base, int *res)
{
	long v;
	int ret = kstrtol(s, base, &v);

	if (ret)
		return ret;
	if (v < INT_MIN || v > INT_MAX)
		return -ERANGE;
	*res = (int)v;
	return 0;
}

int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long v;
	int ret = kstrtoul(s, base, &v);

	if (ret)
		return ret;
	if (v > UINT_MAX)
		return -ERANGE;
	*res = (unsigned int)v;
	return 0;
}

int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;
	switch (s[0]) {
	case 'y': case 'Y': case 't': case 'T': case '1':
		*res = true;
		return 0;
	case 'n': case 'N': case 'f': case 'F': case '0':
		*res = false;
		return 0;
	case 'o': case 'O':
		if (s[1] == 'n' || s[1] == 'N') {
			*res = true;
			return 0;
		}
		if (s[1] == 'f' || s[1] == 'F') {
			*res = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}

/* ------------------------------------------------------------------------
 * kobjects and sysfs: directories exist only as objects.
 */

static struct kobject klp_kernel_kobj = { .name = "kernel", .refcount = 1 };
struct kobject *kernel_kobj = &klp_kernel_kobj;

struct kobject *kobject_create_and_add(const char *name, struct kobject *parent)
{
	struct kobject *kobj;

	klp_sim_might_sleep("kobject_create_and_add");
	kobj = calloc(1, sizeof(*kobj));
	if (!kobj)
		return NULL;
	kobj->name = strdup(name);
	kobj->parent = parent;
	kobj->refcount = 1;
	return kobj;
}

struct kobject *kobject_get(struct kobject *kobj)
{
	if (kobj)
		kobj->refcount++;
	return kobj;
}

void kobject_put(struct kobject *kobj)
{
	if (!kobj || kobj == kernel_kobj)
		return;
	if (--kobj->refcount == 0) {
		free((char *)kobj->name);
		free(kobj);
	}
}

int sysfs_create_file(struct kobject *kobj, const struct attribute *attr)
{
	(void)kobj;
	(void)attr;
	klp_sim_might_sleep("sysfs_create_file");
	return 0;
}

void sysfs_remove_file(struct kobject *kobj, const struct attribute *attr)
{
	(void)kobj;
	(void)attr;
	klp_sim_might_sleep("sysfs_remove_file");
}

int sysfs_emit(char *buf, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = klp_sim_vformat(buf, PAGE_SIZE, fmt, args);
	va_end(args);
	return len < (int)PAGE_SIZE ? len : (int)PAGE_SIZE - 1;
}

/* ------------------------------------------------------------------------
 * procfs and seq_file
 */

struct proc_dir_entry {
	struct proc_dir_entry *next;
	struct proc_dir_entry *parent;
	char name[64];
	int (*show)(struct seq_file *, void *);
	void *data;
};

static struct proc_dir_entry *klp_proc_entries;

struct proc_dir_entry *proc_create(const char *name, umode_t mode,
				   struct proc_dir_entry *parent,
				   const struct proc_ops *proc_ops)
{
	struct proc_dir_entry *de;

	(void)mode;
	(void)proc_ops;
	klp_sim_might_sleep("proc_create");
	de = calloc(1, sizeof(*de));
	if (!de)
		return NULL;
	snprintf(de->name, sizeof(de->name), "%s", name);
	de->parent = parent;
	de->next = klp_proc_entries;
	klp_proc_entries = de;
	return de;
}

struct proc_dir_entry *proc_create_single_data(const char *name, umode_t mode,
		struct proc_dir_entry *parent,
		int (*show)(struct seq_file *, void *), void *data)
{
	struct proc_dir_entry *de = proc_create(name, mode, parent, NULL);

	if (de) {
		de->show = show;
		de->data = data;
	}
	return de;
}

/* The vmlinux files, compat/proc.c. */
int cmdline_proc_show(struct seq_file *m, void *v);
int meminfo_proc_show(struct seq_file *m, void *v);

int klp_sim_proc_read(const char *name, char *buf, size_t size)
{
	struct seq_file m = { .buf = buf, .size = size };
	int (*show)(struct seq_file *, void *) = NULL;
	struct proc_dir_entry *de;
	void *data = NULL;

	if (!strcmp(name, "cmdline"))
		show = cmdline_proc_show;
	else if (!strcmp(name, "meminfo"))
		show = meminfo_proc_show;
	for (de = klp_proc_entries; !show && de; de = de->next) {
		if (!de->parent && !strcmp(de->name, name)) {
			if (!de->show)
				return -EACCES;
			show = de->show;
			data = de->data;
		}
	}
	if (!show)
		return -ENOENT;
	if (size)
		buf[0] = '\0';
	m.private = data;
	show(&m, NULL);
	if (m.count >= size && size)
		m.count = size - 1;
	if (size)
		buf[m.count] = '\0';
	return (int)m.count;
}

static void proc_unlink(struct proc_dir_entry *de)
{
	struct proc_dir_entry **pp;

	for (pp = &klp_proc_entries; *pp; pp = &(*pp)->next) {
		if (*pp == de) {
			*pp = de->next;
			free(de);
			return;
		}
	}
}

void remove_proc_entry(const char *name, struct proc_dir_entry *parent)
{
	struct proc_dir_entry *de;

	klp_sim_might_sleep("remove_proc_entry");
	for (de = klp_proc_entries; de; de = de->next) {
		if (de->parent == parent && !strcmp(de->name, name)) {
			proc_unlink(de);
			return;
		}
	}
}

void proc_remove(struct proc_dir_entry *de)
{
	klp_sim_might_sleep("proc_remove");
	if (de)
		proc_unlink(de);
}

static void seq_add(struct seq_file *m, const char *s, size_t len)
{
	if (!m->buf || m->count + len >= m->size) {
		/* Overflow: the kernel would retry with a bigger buffer. */
		m->count = m->size;
		return;
	}
	memcpy(m->buf + m->count, s, len);
	m->count += len;
	m->buf[m->count] = '\0';
}

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	char buf[1024];
	va_list args;
	int len;

	va_start(args, fmt);
	len = klp_sim_vformat(buf, sizeof(buf), fmt, args);
	va_end(args);
	seq_add(m, buf, min_t(size_t, len, sizeof(buf) - 1));
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_add(m, s, strlen(s));
}

void seq_putc(struct seq_file *m, char c)
{
	seq_add(m, &c, 1);
}

int seq_write(struct seq_file *m, const void *data, size_t len)
{
	seq_add(m, data, len);
	return m->count >= m->size ? -1 : 0;
}

int single_open(struct file *file, int (*show)(struct seq_file *, void *),
		void *data)
{
	struct seq_file *m;

	(void)show;
	klp_sim_might_sleep("single_open");
	m = calloc(1, sizeof(*m));
	if (!m)
		return -ENOMEM;
	m->private = data;
	file->private_data = m;
	return 0;
}

int single_release(struct inode *inode, struct file *file)
{
	(void)inode;
	free(file->private_data);
	file->private_data = NULL;
	return 0;
}

/* ------------------------------------------------------------------------
 * User copies: one address space, but they may fault and so may sleep.
 */

unsigned long copy_from_user(void *to, const void __user *from,
			     unsigned long n)
{
	klp_sim_might_sleep("copy_from_user");
	memcpy(to, (const void *)from, n);
	return 0;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	klp_sim_might_sleep("copy_to_user");
	memcpy((void *)to, from, n);
	return 0;
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	long len;

	klp_sim_might_sleep("strncpy_from_user");
	if (count <= 0)
		return 0;
	len = strnlen((const char *)src, count);
	memcpy(dst, (const char *)src, len < count ? len + 1 : count);
	return len;
}
