// SPDX-License-Identifier: GPL-2.0-only
/*
 * speaker.c - a target module: a virtual speaker.
 *
 * Reading the "welcome" parameter makes the speaker greet the audience
 * (speaker_welcome(), which livepatches replace).  Writing 1 to
 * "block_doors" starts a work item that sits in block_doors_func() until 0
 * is written back, so that a livepatch transition that changes that
 * function cannot complete meanwhile.  Built twice: SPEAKER_ID tells the
 * second speaker apart.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/module.h>
#include <linux/printk.h>

#include "speaker.h"

#ifndef SPEAKER_ID
#define SPEAKER_ID ""
#endif

noinline
static void speaker_welcome(const char *context)
{
	pr_info("%s%s: Hello, World!%s\n", __func__, SPEAKER_ID, context);
}

/* The value is never shown: a read is the trigger for the greeting. */
static int welcome_get(char *buffer, const struct kernel_param *kp)
{
	speaker_welcome("");
	return 0;
}

static const struct kernel_param_ops welcome_ops = {
	.get	= welcome_get,
};
module_param_cb(welcome, &welcome_ops, NULL, 0400);
MODULE_PARM_DESC(welcome, "Reading it logs the speaker's greeting.");

static DECLARE_COMPLETION(doors_blocked);
static bool block_doors;
static bool show_over;

/* Runs in the work item: polls until the doors may open again. */
noinline
static void do_block_doors(void)
{
	pr_info("%s: Started blocking doors.\n", __func__);
	complete(&doors_blocked);

	while (READ_ONCE(block_doors) && !READ_ONCE(show_over))
		msleep(20);

	if (READ_ONCE(block_doors))
		return;

	pr_info("%s: Stopped blocking doors.\n", __func__);
	/* The greeting as the task that blocked the transition sees it. */
	speaker_welcome(" <--- from blocked doors");
}

static struct hall hall = {
	.do_block_doors = do_block_doors,
};

/*
 * The frame of this function must stay on the work item's stack while it
 * sleeps: no sibling call to the function pointer.
 */
__attribute__((__optimize__("no-optimize-sibling-calls")))
static void block_doors_func(struct work_struct *work)
{
	struct hall *h = container_of(work, struct hall, block_doors_work);

	pr_info("%s: Going to block doors%s.\n", __func__, SPEAKER_ID);
	h->do_block_doors();
}

/*
 * Parameters are set before the module's init, so the work item is
 * prepared on first use; the exit flushes it, so init prepares it too.
 */
static void hall_init_work(struct hall *h)
{
	static bool ready;

	if (ready)
		return;
	INIT_WORK(&h->block_doors_work, block_doors_func);
	ready = true;
}

static int block_doors_get(char *buffer, const struct kernel_param *kp)
{
	return sysfs_emit(buffer, "%d\n", READ_ONCE(block_doors));
}

static int block_doors_set(const char *val, const struct kernel_param *kp)
{
	bool block;
	int ret;

	ret = kstrtobool(val, &block);
	if (ret)
		return ret;

	if (block == block_doors) {
		pr_err("%s: The doors are %s blocked.\n", __func__,
		       block ? "already" : "not");
		return block ? -EBUSY : -EINVAL;
	}

	WRITE_ONCE(block_doors, block);
	if (!block) {
		/* Let the work item see the change and finish. */
		flush_work(&hall.block_doors_work);
		return 0;
	}

	reinit_completion(&doors_blocked);
	hall_init_work(&hall);
	schedule_work(&hall.block_doors_work);
	/* Keep the log in order: the work item speaks first. */
	wait_for_completion(&doors_blocked);
	return 0;
}

static const struct kernel_param_ops block_doors_ops = {
	.set	= block_doors_set,
	.get	= block_doors_get,
};
module_param_cb(block_doors, &block_doors_ops, NULL, 0600);
MODULE_PARM_DESC(block_doors, "1 keeps a work item in block_doors_func() until 0 is written (default: 0).");

static int test_klp_speaker_init(void)
{
	pr_info("%s\n", __func__);
	hall_init_work(&hall);
	return 0;
}

static void test_klp_speaker_exit(void)
{
	pr_info("%s\n", __func__);
	WRITE_ONCE(show_over, true);
	flush_work(&hall.block_doors_work);
}

module_init(test_klp_speaker_init);
module_exit(test_klp_speaker_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Real-style target module: a speaker for livepatch tests");
