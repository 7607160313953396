// patch-blocking-tail-call under generation A headers (the upstream
// selftests' shape): target module functions listed as blockers, void,
// ending in msleep() and in a call through a pointer; each has a worker
// asleep in it. Built with sibling calls, neither function is on its
// worker's stack, and a livepatch of either completes at once.
// RUN: %klp-lint --checks=-*,patch-blocking-tail-call --check-option=patch-blocking-tail-call.BlockerFunctions=busymod_sleep,busymod_call %s -- %api-a -Xclang -verify=klp

#include <linux/delay.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/workqueue.h>

static void (*sleep_hook)(void);

static noinline void busymod_sleep(void)
{
	msleep(100000); // klp-note {{'busymod_sleep' (a blocker function) ends in a call of 'msleep' that the compiler may make a sibling call}}
}

static noinline void busymod_call(void)
{
	sleep_hook(); // klp-note {{'busymod_call' (a blocker function) ends in a call through a pointer that the compiler may make a sibling call}}
}

static void sleep_work_func(struct work_struct *work)
{
	busymod_sleep();
	pr_info("%s exit\n", __func__);
}

static void call_work_func(struct work_struct *work)
{
	busymod_call();
	pr_info("%s exit\n", __func__);
}

static DECLARE_WORK(sleep_work, sleep_work_func);
static DECLARE_WORK(call_work, call_work_func);

static int busymod_init(void)
{
	sleep_hook = busymod_sleep;
	schedule_work(&sleep_work);
	schedule_work(&call_work);
	return 0;
}

static void busymod_exit(void)
{
	flush_work(&sleep_work);
	flush_work(&call_work);
}

module_init(busymod_init);
module_exit(busymod_exit);
MODULE_LICENSE("GPL");

// PROOF: blocked in busymod_sleep
// PROOF: blocked in busymod_call
// SPDX-License-Identifier: GPL-2.0-only
