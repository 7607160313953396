// SPDX-License-Identifier: GPL-2.0-only
/*
 * livepatch-demo.c - a generation C livepatch with three mistakes klp-lint
 * catches. Analyze it with no kernel tree:
 *
 *	klp-lint examples/livepatch-demo.c
 *
 * The patch replaces a function of a (hypothetical) target module that
 * counts open sessions, keeps a per-session shadow variable with the time
 * the session was opened, and raises a global log level while enabled.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/slab.h>

/* One id per feature, shared by the state and the shadow calls. */
#define DEMO_LOGLEVEL_STATE	1
#define DEMO_SESSION_TIME	2

struct session;

static int demo_loglevel;
static int saved_loglevel;

/* Mistakes 1, 2: id 2 has no state; no module notifier frees it either. */
static void livepatch_session_open(struct session *s, unsigned long now)
{
	unsigned long *opened;

	opened = klp_shadow_alloc(s, DEMO_SESSION_TIME, sizeof(*opened),
				  GFP_KERNEL, NULL, NULL);
	if (opened)
		*opened = now;
}

static int loglevel_pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	saved_loglevel = demo_loglevel;
	return 0;
}

static void loglevel_post_patch(struct klp_patch *patch,
				struct klp_state *state)
{
	demo_loglevel = 7;
}

static struct klp_func funcs[] = {
	{
		.old_name = "session_open",
		.new_func = livepatch_session_open,
	}, { }
};

static struct klp_object objs[] = {
	{
		.name = "demo_sessions",
		.funcs = funcs,
	}, { }
};

/*
 * Mistake 3: the log level is raised but never restored: no pre_unpatch or
 * post_unpatch, and no block_disable to forbid removal.
 */
static struct klp_state states[] = {
	{
		.id = DEMO_LOGLEVEL_STATE,
		.callbacks = {
			.pre_patch = loglevel_pre_patch,
			.post_patch = loglevel_post_patch,
		},
	}, { }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
	.replace = true,
};

static int livepatch_demo_init(void)
{
	return klp_enable_patch(&patch);
}

static void livepatch_demo_exit(void)
{
}

module_init(livepatch_demo_init);
module_exit(livepatch_demo_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
