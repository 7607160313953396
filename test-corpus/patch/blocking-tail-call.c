// patch-blocking-tail-call (docs/semantics.md#rule-patch-blocking-tail-call),
// opt-in, for test modules: the target module of a "blocked transition"
// test parks its worker in busymod_wait(), the function the BlockerFunctions
// option names, which ends in a call of wait_for_completion(). Compiled
// with sibling calls (gcc -O2 without -fno-optimize-sibling-calls), that
// call becomes a jump: while the worker waits, busymod_wait() is not on its
// stack, and the transition the test wants to block completes.
// busymod_wait_kept(), where a second worker waits, carries the v1
// series' attribute and is silent.
// RUN: %klp-lint --checks=-*,patch-blocking-tail-call --check-option=patch-blocking-tail-call.BlockerFunctions=busymod_wait,busymod_wait_kept %s -- %api-c -Wno-unknown-attributes -Xclang -verify=klp

#include <linux/completion.h>
#include <linux/module.h>
#include <linux/workqueue.h>

static DECLARE_COMPLETION(busymod_done);

static noinline void busymod_wait(void)
{
	wait_for_completion(&busymod_done); // klp-note {{'busymod_wait' (a blocker function) ends in a call of 'wait_for_completion' that the compiler may make a sibling call: while a task waits there, 'busymod_wait' is not on its stack, and a transition meant to block on it completes; mark 'busymod_wait' __attribute__((__optimize__("no-optimize-sibling-calls"))) [patch-blocking-tail-call]}}
}

static noinline __attribute__((__optimize__("no-optimize-sibling-calls")))
void busymod_wait_kept(void)
{
	wait_for_completion(&busymod_done);
}

static void busymod_work_func(struct work_struct *work)
{
	pr_info("%s enter\n", __func__);
	busymod_wait();
	pr_info("%s exit\n", __func__);
}

static void busymod_kept_work_func(struct work_struct *work)
{
	busymod_wait_kept();
	pr_info("%s exit\n", __func__);
}

static DECLARE_WORK(busymod_work, busymod_work_func);
static DECLARE_WORK(busymod_kept_work, busymod_kept_work_func);

static int busymod_init(void)
{
	schedule_work(&busymod_work);
	schedule_work(&busymod_kept_work);
	return 0;
}

static void busymod_exit(void)
{
	complete_all(&busymod_done);
	flush_work(&busymod_work);
	flush_work(&busymod_kept_work);
}

module_init(busymod_init);
module_exit(busymod_exit);
MODULE_LICENSE("GPL");

// Proof of findings: the module is built with sibling calls, loaded as the
// target, and each function is patched while its worker waits in it: the
// transition of busymod_wait's patch completes at once, the one of
// busymod_wait_kept's stays pending.
// PROOF: blocked in busymod_wait
// PROOF: blocked in busymod_wait_kept
// SPDX-License-Identifier: GPL-2.0-only
