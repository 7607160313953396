// patch-blocking-tail-call: a self-contained test livepatch that patches a
// function of its own file (a klp_func's old_name names it), which returns
// the result of a sleeping call: with sibling calls, the task that sleeps
// there has no frame of speaker_sleep() on its stack. No option is needed
// for a patch target; the replacement itself is no target.
// RUN: %klp-lint --checks=-*,patch-blocking-tail-call %s -- %api-c -Xclang -verify=klp

#include <linux/completion.h>
#include <linux/livepatch.h>
#include <linux/module.h>

static DECLARE_COMPLETION(speaker_done);

noinline int speaker_sleep(void)
{
	return wait_for_completion_interruptible(&speaker_done); // klp-note {{'speaker_sleep' (a patch target: a klp_func's old_name) ends in a call of 'wait_for_completion_interruptible' that the compiler may make a sibling call}}
}

static int livepatch_speaker_sleep(void)
{
	return wait_for_completion_interruptible(&speaker_done);
}

static struct klp_func funcs[] = {
	{ .old_name = "speaker_sleep", .new_func = livepatch_speaker_sleep }, { }
};
static struct klp_object objs[] = { { .funcs = funcs }, { } };
static struct klp_patch patch = { .mod = THIS_MODULE, .objs = objs };

// PROOF: unshown speaker_sleep: no task of the battery sleeps in it (the function is the file's own patch target, not a target module's)
// SPDX-License-Identifier: GPL-2.0-only
