// Look-alikes that must stay silent. A struct of the livepatch's own with
// members named like per-object callbacks is not struct klp_callbacks (the
// record type decides, not the names), nor is a macro of its own named like
// kpatch's. And a teardown assigned through a pointer might be any object's
// (here it is vmlinux's, wired in module init): the translation unit is
// then not judged at all, since what pairs with what cannot be told
// (cannot decide is silence).
// RUN: %klp-lint --checks=-*,callbacks-per-object-unpaired %s -- %api-a -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

struct my_hooks {
	int (*pre_patch)(struct klp_object *obj);
	void (*post_patch)(struct klp_object *obj);
};

struct my_object {
	const char *name;
	struct my_hooks callbacks;
};

#define MY_PRE_PATCH_CALLBACK(fn) static int (*const my_pre_patch_hook)(struct klp_object *) = fn

static int flag;

static int prepare(struct klp_object *obj)
{
	flag = 1;
	return 0;
}

static void activate(struct klp_object *obj)
{
	flag = 2;
}

static void undo(struct klp_object *obj)
{
	flag = 0;
}

MY_PRE_PATCH_CALLBACK(prepare);

static struct my_object mine = { .name = "mine", .callbacks = { .pre_patch = prepare, .post_patch = activate } };

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };

static struct klp_object objs[] = {
	{ .funcs = funcs, .callbacks = { .pre_patch = prepare, .post_patch = activate } },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static void wire_teardown(struct klp_object *obj)
{
	obj->callbacks.pre_unpatch = undo;
}

static int livepatch_init(void)
{
	wire_teardown(&objs[0]);
	(void)mine;
	(void)my_pre_patch_hook;
	return klp_enable_patch(&patch);
}

module_init(livepatch_init);
// SPDX-License-Identifier: GPL-2.0-only
