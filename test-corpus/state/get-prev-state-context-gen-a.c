// Generation A: klp_get_prev_state() from per-object callbacks, directly
// and through a helper, is how the upstream selftests take a state over;
// from the module's exit, after the patch is gone, it warns and returns
// NULL.
// RUN: %klp-lint --checks=-*,state-get-prev-state-context %s -- %api-a -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

#define CONSOLE_LOGLEVEL_STATE 1

static struct klp_patch patch;

static int take_over(void)
{
	return klp_get_prev_state(CONSOLE_LOGLEVEL_STATE) ? 1 : 0;
}

static int pre_patch_callback(struct klp_object *obj)
{
	return take_over() < 0;
}

static void post_unpatch_callback(struct klp_object *obj)
{
	klp_get_prev_state(CONSOLE_LOGLEVEL_STATE);
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = {
	{
		.funcs = funcs,
		.callbacks = { .pre_patch = pre_patch_callback,
			       .post_unpatch = post_unpatch_callback },
	},
	{}
};

static struct klp_state states[] = { { .id = CONSOLE_LOGLEVEL_STATE, .version = 1 }, {} };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static int lp_init(void)
{
	return klp_enable_patch(&patch);
}

static void lp_exit(void)
{
	if (klp_get_prev_state(CONSOLE_LOGLEVEL_STATE)) // klp-warning {{klp_get_prev_state() called in module exit 'lp_exit': it runs outside a transition}}
		pr_info("still there\n");
}

module_init(lp_init);
module_exit(lp_exit); // klp-note {{'lp_exit' is registered here}}
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
// SPDX-License-Identifier: GPL-2.0-only
