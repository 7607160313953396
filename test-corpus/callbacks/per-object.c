// Generation A per-object callbacks set with a designated `.callbacks = {...}`
// in struct klp_object initializers. docs/semantics.md#rule-callbacks-per-object, spelling
// 1: each non-null function is one finding, named by its role, and the
// message suggests the per-state role of generation C (docs/semantics.md#role-mapping). The second object
// is a module ("ext4"): its callbacks also run on every load/unload of that
// module, so a note at the object's name suggests a module notifier. The
// NULL member of the first object is not a callback and is not reported.
// RUN: %klp-lint --checks=-callbacks-per-object-unpaired %s -- %api-a -Xclang -verify=klp
// PROOF: unshown post_patch: 'activate' is a callback of module object ext4, which the proof battery does not load, so it never runs

#include <linux/livepatch.h>
#include <linux/module.h>

static int counter;

static int prepare(struct klp_object *obj)
{
	counter = 1;
	return 0;
}

static void activate(struct klp_object *obj)
{
	counter = 2;
}

static void cleanup(struct klp_object *obj)
{
	counter = 0;
}

static struct klp_func vmlinux_funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_func ext4_funcs[] = { { .old_name = "ext4_fill_super" }, {} };

static struct klp_object objs[] = {
	{
		.funcs = vmlinux_funcs,
		.callbacks = {
			.pre_patch = prepare, // klp-warning {{per-object pre_patch callback 'prepare' of object 'vmlinux' set in a struct klp_object initializer; an atomic replace never runs the replaced patch's pre_unpatch or post_unpatch callbacks, so what its callbacks set up stays; per-state callbacks fix that: move it to the pre_patch callback of a struct klp_state [callbacks-per-object]}}
			.pre_unpatch = NULL,
			.post_unpatch = cleanup, // klp-warning {{per-object post_unpatch callback 'cleanup' of object 'vmlinux' set in a struct klp_object initializer; an atomic replace never runs the replaced patch's pre_unpatch or post_unpatch callbacks, so what its callbacks set up stays; per-state callbacks fix that: move it to the post_unpatch callback of a struct klp_state [callbacks-per-object]}}
		},
	},
	{
		.name = "ext4", // klp-note {{callbacks of object 'ext4' also run whenever module 'ext4' loads or unloads; if that is their only purpose, use a module notifier (register_module_notifier)}}
		.funcs = ext4_funcs,
		.callbacks = { .post_patch = activate }, // klp-warning {{per-object post_patch callback 'activate' of object 'ext4' set in a struct klp_object initializer; an atomic replace never runs the replaced patch's pre_unpatch or post_unpatch callbacks, so what its callbacks set up stays; per-state callbacks fix that: move it to the post_patch callback of a struct klp_state [callbacks-per-object]}}
	},
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};
// SPDX-License-Identifier: GPL-2.0-only
