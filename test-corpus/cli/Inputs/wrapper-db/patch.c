#include <linux/livepatch.h>
#include <linux/module.h>

static int setup(struct klp_patch *patch, struct klp_state *state)
{
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "f" }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };

/* Line 14 is the state below. */
static struct klp_state states[] = {
	{ .id = 5, .callbacks = { .pre_patch = setup } },
	{ }
};
static struct klp_patch patch = { .mod = THIS_MODULE, .objs = objs, .states = states };
// SPDX-License-Identifier: GPL-2.0-only
