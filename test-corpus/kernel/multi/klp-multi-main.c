// SPDX-License-Identifier: GPL-2.0-only
/* The patch and its states; the shadow variables are in klp-multi-shadow.c. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include "klp-multi.h"

static struct klp_func funcs[] = {
	{
		.old_name = "cmdline_proc_show",
		.new_func = klp_multi_track,
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
		.id = KLP_MULTI_STATE,
	}, { }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static int klp_multi_init(void)
{
	return klp_enable_patch(&patch);
}

/* The module's exit frees what the other file allocates (generation A). */
static void klp_multi_exit(void)
{
	klp_shadow_free_all(KLP_MULTI_STATE, NULL);
}

module_init(klp_multi_init);
module_exit(klp_multi_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
