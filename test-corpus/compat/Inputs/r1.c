/*
 * r1.c - release 1 of the three-release product: state 1, a shadow
 * variable with its four callbacks and a destructor (atomic replace).
 */
#define RELEASE 1
#include "release.h"

static struct klp_state states[] = {
	{
		.id = 1,
		.callbacks = {
			.pre_patch = rel_pre_patch,
			.post_patch = rel_post_patch,
			.pre_unpatch = rel_pre_unpatch,
			.post_unpatch = rel_post_unpatch,
			.shadow_dtor = rel_shadow_dtor,
		},
		.is_shadow = true,
	},
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = rel_objs,
	.states = states,
	.replace = true,
};

static struct klp_patch *rel_patch(void)
{
	return &patch;
}

static int __init rel_init(void)
{
	return klp_enable_patch(&patch);
}

static void __exit rel_exit(void)
{
}

module_init(rel_init);
module_exit(rel_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
// SPDX-License-Identifier: GPL-2.0-only
