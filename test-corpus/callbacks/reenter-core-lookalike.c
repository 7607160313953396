// callbacks-reenter-core look-alikes that must stay silent: klp_enable_patch()
// in the module's init (its place) and in a function no callback reaches;
// a member of the module's own ops struct named klp_enable_patch, called
// from a callback; the module's own helper whose name only begins the
// same; and the call in a comment and in #if 0.
// RUN: %klp-lint --checks=-*,callbacks-reenter-core %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

struct patch_ops {
	int (*klp_enable_patch)(struct klp_patch *patch);
};

static int queue_enable(struct klp_patch *patch)
{
	return 0;
}

static struct patch_ops ops = { .klp_enable_patch = queue_enable };

static int klp_enable_patch_later(struct klp_patch *patch)
{
	return queue_enable(patch);
}

extern struct klp_patch other;

static void unused_path(void)
{
	klp_enable_patch(&other);
}

static void queue_post_patch(struct klp_patch *patch, struct klp_state *state)
{
	ops.klp_enable_patch(&other);
	klp_enable_patch_later(&other);
	/* klp_enable_patch(&other); would deadlock here */
#if 0
	klp_enable_patch(&other);
#endif
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };
static struct klp_state states[] = {
	{ .id = 1, .callbacks = { .post_patch = queue_post_patch } },
	{ }
};
static struct klp_patch patch = { .mod = THIS_MODULE, .objs = objs, .states = states };

static int livepatch_init(void)
{
	return klp_enable_patch(&patch);
}

static void livepatch_exit(void)
{
}

module_init(livepatch_init);
module_exit(livepatch_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
// SPDX-License-Identifier: GPL-2.0-only
