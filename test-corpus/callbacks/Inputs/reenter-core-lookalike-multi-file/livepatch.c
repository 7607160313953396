/* The livepatch's state and callbacks (reenter-core-lookalike-multi-file.c). */
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

#define KICK_STATE 71
#define KICK() kick()
#define KICK_KNOB 7

extern int klp_sim_knobs[];

static int livepatch_cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_puts(m, "kicked\n");
	return 0;
}

/* Not other.c's kick(): this one is static to this file. */
static void kick(void)
{
	klp_sim_knobs[KICK_KNOB]++;
}

static void kick_post_patch(struct klp_patch *patch, struct klp_state *state)
{
	KICK();
}

static void kick_post_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	klp_sim_knobs[KICK_KNOB] = 0;
}

static struct klp_func funcs[] = {
	{ .old_name = "cmdline_proc_show", .new_func = livepatch_cmdline_proc_show }, { }
};
static struct klp_object objs[] = { { .funcs = funcs }, { } };
static struct klp_state states[] = {
	{ .id = KICK_STATE, .callbacks = { .post_patch = kick_post_patch,
					   .post_unpatch = kick_post_unpatch } },
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static int livepatch_init(void)
{
	return klp_enable_patch(&patch);
}

static void livepatch_exit(void)
{
}

module_init(livepatch_init);
module_exit(livepatch_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
// SPDX-License-Identifier: GPL-2.0-only
