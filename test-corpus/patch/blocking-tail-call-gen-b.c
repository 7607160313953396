// patch-blocking-tail-call under generation B headers: a patch target of
// the file's own, returning a sleeping call's result.
// RUN: %klp-lint --checks=-*,patch-blocking-tail-call %s -- %api-b -Xclang -verify=klp

#include <linux/completion.h>
#include <linux/livepatch.h>
#include <linux/module.h>

static DECLARE_COMPLETION(done);

noinline long poc_wait(void)
{
	return wait_for_completion_timeout(&done, 100); // klp-note {{'poc_wait' (a patch target: a klp_func's old_name) ends in a call of 'wait_for_completion_timeout'}}
}

static long new_poc_wait(void)
{
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "poc_wait", .new_func = new_poc_wait }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };
static struct klp_patch patch = { .mod = THIS_MODULE, .objs = objs };

// PROOF: unshown poc_wait: no task of the battery sleeps in it (the function is the file's own patch target, not a target module's)
// SPDX-License-Identifier: GPL-2.0-only
