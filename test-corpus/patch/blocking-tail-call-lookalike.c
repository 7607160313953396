// patch-blocking-tail-call look-alikes that must stay silent: functions
// that end in a sleeping call but are neither a patch target here nor a
// listed blocker (a target named by a klp_func of another kind of struct,
// a string that merely names the function), a patch target whose body
// ends in a return of a constant, and the pattern in a comment.
// RUN: %klp-lint --checks=-*,patch-blocking-tail-call --check-option=patch-blocking-tail-call.BlockerFunctions=not_here %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/completion.h>
#include <linux/livepatch.h>
#include <linux/module.h>

static DECLARE_COMPLETION(done);

struct my_func {
	const char *old_name;
};

static struct my_func mine = { .old_name = "sleeper" };
static const char *names[] = { "sleeper", "worker" };

noinline void sleeper(void)
{
	wait_for_completion(&done);
}

noinline int worker(void)
{
	wait_for_completion(&done);
	return 0;
}

static int new_worker(void)
{
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "worker", .new_func = new_worker }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };
static struct klp_patch patch = { .mod = THIS_MODULE, .objs = objs };

/* noinline void sleeper(void) { wait_for_completion(&done); } */
// SPDX-License-Identifier: GPL-2.0-only
