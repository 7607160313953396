// Per-object callbacks assigned at run time: an assignment through
// objs[<constant>] belongs to that element, whose initializer names the
// object, and counts together with the callbacks of the initializer.
// vmlinux (objs[0]) gets a post_patch assigned in module init and nothing
// to undo it: flagged at the assignment. objs[1] (ext4) has a pre_patch in
// its initializer and a post_unpatch assigned later: paired, silent. The
// module object's finding would carry a note; ext4 is paired here.
// RUN: %klp-lint --checks=-*,callbacks-per-object-unpaired %s -- %api-a -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

static int level;

static void level_up(struct klp_object *obj)
{
	level = 2;
}

static int ext4_prepare(struct klp_object *obj)
{
	level = 1;
	return 0;
}

static void ext4_restore(struct klp_object *obj)
{
	level = 0;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_func ext4_funcs[] = { { .old_name = "ext4_fill_super" }, {} };

static struct klp_object objs[] = {
	{ .funcs = funcs },
	{
		.name = "ext4",
		.funcs = ext4_funcs,
		.callbacks.pre_patch = ext4_prepare,
	},
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static int livepatch_init(void)
{
	objs[0].callbacks.post_patch = level_up; // klp-warning {{object 'vmlinux' has per-object post_patch callback 'level_up' but neither pre_unpatch nor post_unpatch; what it sets up is not undone when the patch is disabled: add a pre_unpatch or post_unpatch callback that undoes it [callbacks-per-object-unpaired]}}
	objs[1].callbacks.post_unpatch = ext4_restore;
	return klp_enable_patch(&patch);
}

module_init(livepatch_init);
// SPDX-License-Identifier: GPL-2.0-only
