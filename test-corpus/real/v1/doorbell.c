// SPDX-License-Identifier: GPL-2.0-only
/*
 * doorbell.c - a target module with no livepatch code at all.
 *
 * A bell that rings after a delay: writing a number of milliseconds to
 * the "ring" parameter arms a delayed work item; /proc/doorbell reports how
 * often it rang; readers of the "wait" parameter sleep on a wait queue
 * until the next ring or a timeout.  It uses the kernel facilities real
 * modules use: parameters with ops, delayed work, a wait queue, a
 * completion, a spinlock, a list, procfs and seq_file, string helpers.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

struct ring {
	struct list_head node;
	unsigned long at;
	char who[16];
};

static LIST_HEAD(rings);
static DEFINE_SPINLOCK(rings_lock);
static DECLARE_WAIT_QUEUE_HEAD(ring_wait);
static DECLARE_COMPLETION(first_ring);
static unsigned int nr_rings;
static char visitor[16] = "postman";
module_param_string(visitor, visitor, sizeof(visitor), 0644);
MODULE_PARM_DESC(visitor, "Who rings the bell (default: postman)");

static void ring_fn(struct work_struct *work);
static DECLARE_DELAYED_WORK(ring_work, ring_fn);

static void ring_fn(struct work_struct *work)
{
	struct delayed_work *dwork = to_delayed_work(work);
	struct ring *r = kzalloc(sizeof(*r), GFP_KERNEL);
	unsigned long flags;

	if (!r)
		return;
	r->at = jiffies;
	strscpy(r->who, visitor, sizeof(r->who));

	spin_lock_irqsave(&rings_lock, flags);
	list_add_tail(&r->node, &rings);
	nr_rings++;
	spin_unlock_irqrestore(&rings_lock, flags);

	pr_info("%s: ding dong (%s)%s\n", __func__, r->who,
		delayed_work_pending(dwork) ? " again" : "");
	complete_all(&first_ring);
	wake_up_all(&ring_wait);
}

static int ring_set(const char *val, const struct kernel_param *kp)
{
	int msecs, ret;

	ret = kstrtoint(val, 0, &msecs);
	if (ret)
		return ret;
	if (msecs < 0)
		return -EINVAL;
	schedule_delayed_work(&ring_work, msecs_to_jiffies(msecs));
	return 0;
}

static const struct kernel_param_ops ring_ops = {
	.set = ring_set,
	.get = param_get_uint,
};
module_param_cb(ring, &ring_ops, &nr_rings, 0644);
MODULE_PARM_DESC(ring, "Ring after this many milliseconds");

/* Sleeps until the next ring, for at most five seconds. */
static int wait_get(char *buffer, const struct kernel_param *kp)
{
	unsigned int seen = READ_ONCE(nr_rings);
	long left;

	left = wait_event_interruptible_timeout(ring_wait,
						READ_ONCE(nr_rings) != seen,
						msecs_to_jiffies(5000));
	return sysfs_emit(buffer, "%s\n", left ? "rang" : "silence");
}

static const struct kernel_param_ops wait_ops = {
	.get = wait_get,
};
module_param_cb(wait, &wait_ops, NULL, 0444);
MODULE_PARM_DESC(wait, "Reading it waits for the next ring");

static int doorbell_show(struct seq_file *m, void *v)
{
	struct ring *r;
	unsigned long flags;

	spin_lock_irqsave(&rings_lock, flags);
	seq_printf(m, "rings: %u\n", nr_rings);
	list_for_each_entry(r, &rings, node)
		seq_printf(m, "%lu %s\n", r->at, r->who);
	spin_unlock_irqrestore(&rings_lock, flags);
	return 0;
}

static struct proc_dir_entry *doorbell_proc;

static int __init doorbell_init(void)
{
	doorbell_proc = proc_create_single("doorbell", 0444, NULL,
					   doorbell_show);
	if (!doorbell_proc)
		return -ENOMEM;
	pr_info("%s: the bell is ready for the %s\n", __func__, visitor);
	return 0;
}

static void __exit doorbell_exit(void)
{
	struct ring *r, *tmp;

	cancel_delayed_work_sync(&ring_work);
	proc_remove(doorbell_proc);
	list_for_each_entry_safe(r, tmp, &rings, node) {
		list_del(&r->node);
		kfree(r);
	}
	pr_info("%s: %u rings\n", __func__, nr_rings);
}

module_init(doorbell_init);
module_exit(doorbell_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Real-style target module without livepatch code");
