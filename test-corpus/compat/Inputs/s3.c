/*
 * s3.c - release 3: an atomic replace without states; over releases 1
 * and 2 it drops state 10 without any teardown (the sibling leak).
 */
#define RELEASE 3
#include "release.h"

static struct klp_state states[] = {
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
