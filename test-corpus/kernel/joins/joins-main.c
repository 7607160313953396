// SPDX-License-Identifier: GPL-2.0-only
/* The patch and its state; the shadow variables are in joins-shadow.c. */
#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include "joins.h"

static struct klp_func funcs[] = {
	{
		.old_name = "cmdline_proc_show",
		.new_func = joins_track,
	}, { }
};

static struct klp_object objs[] = {
	{
		.name = NULL,
		.funcs = funcs,
	}, { }
};

static struct klp_state states[] = {
	{
		.id = JOINS_STATE,
	}, { }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static int joins_init(void)
{
	return klp_enable_patch(&patch);
}

static void joins_exit(void)
{
	klp_shadow_free_all(JOINS_STATE, NULL);
}

module_init(joins_init);
module_exit(joins_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
