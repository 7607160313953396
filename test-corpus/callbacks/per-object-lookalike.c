// Look-alikes of per-object callbacks that callbacks-per-object must not
// flag, under generation A headers where struct klp_object really has a
// `callbacks` member. docs/semantics.md#rules: "Decide by the record type, never by the
// member name." Here `callbacks` is a member of the module's own struct
// my_ops (initialised by designator, by position, and assigned at run
// time), the callback-role names are members of that anonymous struct, and a
// macro is named like the kpatch macros without being one. The real
// klp_object has no callbacks.
// RUN: %klp-lint --checks=-callbacks-per-object-unpaired %s -- %api-a -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

struct my_ops {
	const char *name;
	struct klp_func *funcs;
	struct {
		int (*pre_patch)(void);
		void (*post_patch)(void);
		void (*pre_unpatch)(void);
		void (*post_unpatch)(void);
	} callbacks;
};

static int value;

static int my_prepare(void)
{
	value = 1;
	return 0;
}

static void my_finish(void)
{
	value = 0;
}

#define MY_PRE_PATCH_CALLBACK(fn) \
	static int (*const my_pre_patch_hook)(void) __used = (fn)

MY_PRE_PATCH_CALLBACK(my_prepare);

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };

static struct my_ops designated_ops = {
	.name = "ext4",
	.funcs = funcs,
	.callbacks = { .pre_patch = my_prepare, .post_unpatch = my_finish },
};

static struct my_ops positional_ops = { "xfs", funcs, { my_prepare, my_finish, my_finish, my_finish } };

static struct my_ops member_ops = {
	.callbacks.pre_patch = my_prepare,
};

static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static int livepatch_init(void)
{
	struct my_ops *ops = &designated_ops;

	ops->callbacks.post_patch = my_finish;
	member_ops.callbacks.pre_unpatch = my_finish;
	positional_ops.callbacks = designated_ops.callbacks;
	return klp_enable_patch(&patch);
}

module_init(livepatch_init);
// SPDX-License-Identifier: GPL-2.0-only
