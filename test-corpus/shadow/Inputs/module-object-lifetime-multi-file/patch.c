/* The patch: the object of module t lists a replacement defined in t_obj.c. */
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_TOBJ 0x180

int livepatch_t_obj_func(void *obj);

static struct klp_func t_funcs[] = {
	{ .old_name = "t_obj_func", .new_func = livepatch_t_obj_func },
	{}
};

static struct klp_object objs[] = { { .name = "t", .funcs = t_funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_TOBJ, .is_shadow = true },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
