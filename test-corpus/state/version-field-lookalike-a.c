// Generation A look-alikes: reads and comparisons of versions are what A
// code is meant to do, so on its own kernel they get nothing; a state
// without a version gets nothing; a state array no patch refers to is
// still a state's version (it might be the patch's), but a look-alike
// struct is not.
// RUN: %klp-lint --checks=-*,state-version-field %s -- %api-a -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

struct lp_state_like {
	unsigned long id;
	unsigned int version;
};

static struct lp_state_like mirror[] = { { .id = 1, .version = 9 } };

static int pre_patch_callback(struct klp_object *obj)
{
	struct klp_state *prev = klp_get_prev_state(1);

	if (prev && prev->version >= mirror[0].version)
		return -EINVAL;
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = {
	{ .funcs = funcs, .callbacks = { .pre_patch = pre_patch_callback } },
	{}
};

static struct klp_state states[] = { { .id = 1 }, {} };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
