// Generation A look-alikes: the data of a struct klp_object's callbacks'
// argument is not a state's, nor is a cast of the state to another struct;
// a file that never touches klp_state.data gets no note.
// RUN: %klp-lint --checks=-*,state-data-field %s -- %api-a -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

struct lp_private {
	unsigned long id;
	void *data;
};

static struct klp_patch patch;

static int pre_patch_callback(struct klp_object *obj)
{
	struct klp_state *state = klp_get_state(&patch, 1);
	struct lp_private *priv = (struct lp_private *)state;

	return priv && priv->data ? 0 : -EINVAL;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = {
	{ .funcs = funcs, .callbacks = { .pre_patch = pre_patch_callback } },
	{}
};

static struct klp_state states[] = { { .id = 1, .version = 1 }, {} };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
