/* The patch and its states; shadow.c uses the ids. */
#include <linux/livepatch.h>
#include <linux/module.h>
#include "ids.h"

static struct klp_func funcs[] = { { .old_name = "f", .new_func = track }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };
static struct klp_state states[] = {
	{ .id = ID_WITH_STATE, .is_shadow = true },
	{ }
};
static struct klp_patch patch = { .mod = THIS_MODULE, .objs = objs, .states = states };

static int lp_init(void)
{
	return klp_enable_patch(&patch);
}
module_init(lp_init);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
// SPDX-License-Identifier: GPL-2.0-only
