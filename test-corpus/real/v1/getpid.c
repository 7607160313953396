// SPDX-License-Identifier: GPL-2.0-only
/*
 * getpid.c - a livepatch of a system call.
 *
 * The new getpid() counts down the processes named in the "pids" array
 * parameter as each of them calls it under the livepatch, so that a test
 * can see every one of them switch; /sys/kernel/<module>/npids shows how
 * many are left.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kobject.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/sysfs.h>

#if defined(__x86_64__)
#define SYSCALL_PREFIX "__x64_"
#elif defined(__aarch64__)
#define SYSCALL_PREFIX "__arm64_"
#else
#define SYSCALL_PREFIX ""
#endif

#define MAX_PIDS	64

static int pids[MAX_PIDS];
static unsigned int npids;
module_param_array(pids, int, &npids, 0400);
MODULE_PARM_DESC(pids, "Processes that must call getpid() under the livepatch");

static unsigned int npids_pending;
static DEFINE_MUTEX(pids_lock);
static struct kobject *getpid_kobj;

static ssize_t npids_show(struct kobject *kobj, struct kobj_attribute *attr,
			  char *buf)
{
	return sysfs_emit(buf, "%u\n", READ_ONCE(npids_pending));
}

static struct kobj_attribute npids_attr = __ATTR_RO(npids);

/* The syscall's new body: note the caller, then behave as before. */
static long lp_sys_getpid(void)
{
	pid_t pid = task_tgid_vnr(current);
	unsigned int i;

	mutex_lock(&pids_lock);
	for (i = 0; i < npids; i++) {
		if (pids[i] == pid) {
			pids[i] = 0;
			npids_pending--;
			break;
		}
	}
	mutex_unlock(&pids_lock);
	return pid;
}

static struct klp_func funcs[] = {
	{
		.old_name = SYSCALL_PREFIX "sys_getpid",
		.new_func = lp_sys_getpid,
	},
	{ }
};

static struct klp_object objs[] = {
	{
		.funcs = funcs,
	},
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static int getpid_livepatch_init(void)
{
	int ret;

	npids_pending = npids;
	getpid_kobj = kobject_create_and_add(KBUILD_MODNAME, kernel_kobj);
	if (!getpid_kobj)
		return -ENOMEM;
	ret = sysfs_create_file(getpid_kobj, &npids_attr.attr);
	if (ret)
		goto put;
	ret = klp_enable_patch(&patch);
	if (ret)
		goto remove;
	return 0;

remove:
	sysfs_remove_file(getpid_kobj, &npids_attr.attr);
put:
	kobject_put(getpid_kobj);
	return ret;
}

static void getpid_livepatch_exit(void)
{
	sysfs_remove_file(getpid_kobj, &npids_attr.attr);
	kobject_put(getpid_kobj);
}

module_init(getpid_livepatch_init);
module_exit(getpid_livepatch_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
MODULE_DESCRIPTION("Real-style livepatch of the getpid system call");
