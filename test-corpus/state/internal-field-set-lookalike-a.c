// Generation A look-alikes: post_unpatch_enabled read in a callback, set
// false, and the same name in an unrelated struct; a klp_callbacks member
// elsewhere in the object set by the patch is the patch's own.
// RUN: %klp-lint --checks=-*,state-internal-field-set %s -- %api-a -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

struct lp_flags {
	bool post_unpatch_enabled;
};

static struct lp_flags flags;

static int pre_patch(struct klp_object *obj)
{
	flags.post_unpatch_enabled = !obj->callbacks.post_unpatch_enabled;
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = {
	{ .funcs = funcs, .callbacks = { .pre_patch = pre_patch, .post_unpatch_enabled = false } },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};
// SPDX-License-Identifier: GPL-2.0-only
