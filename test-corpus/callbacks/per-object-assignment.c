// Per-object callbacks assigned at run time, in module init, instead of in
// an initializer. docs/semantics.md#rule-callbacks-per-object, spelling 2: assignments
// to `<klp_object>.callbacks`, `->callbacks` and `....callbacks.<member>`.
// Through an element of the objs[] array (a constant index) the object is
// the one its initializer names, so the message says which, with the
// module-notifier note for a module; through a pointer parameter the object
// is not known, and the message has no "of object" part. Copying a whole struct
// klp_callbacks whose contents are not visible is reported once, without a
// role; a compound literal is looked into, one finding per function.
// Assigning NULL removes a callback and is not reported.
// RUN: %klp-lint --checks=-callbacks-per-object-unpaired %s -- %api-a -Xclang -verify=klp
// PROOF: unshown post_patch: 'stop_fn' is a callback of module object xfs, which the proof battery does not load, so it never runs
// PROOF: unshown callbacks: the copied shared_callbacks is a callback of module object ext4, which the proof battery does not load, so it never runs, and holds no function

#include <linux/livepatch.h>
#include <linux/module.h>

static int ready;

static int start_fn(struct klp_object *obj)
{
	ready = 1;
	return 0;
}

static void stop_fn(struct klp_object *obj)
{
	ready = 0;
}

/* Filled in by another part of the module; copied whole below. */
struct klp_callbacks shared_callbacks;

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_func mod_funcs[] = { { .old_name = "ext4_fill_super" }, {} };
static struct klp_func xfs_funcs[] = { { .old_name = "xfs_fs_fill_super" }, {} };
static struct klp_object objs[] = {
	{ .funcs = funcs },
	{ .name = "ext4", .funcs = mod_funcs }, // klp-note {{callbacks of object 'ext4' also run whenever module 'ext4' loads or unloads; if that is their only purpose, use a module notifier (register_module_notifier)}}
	{ .name = "xfs", .funcs = xfs_funcs }, // klp-note {{callbacks of object 'xfs' also run whenever module 'xfs' loads or unloads; if that is their only purpose, use a module notifier (register_module_notifier)}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static void wire_object(struct klp_object *obj)
{
	obj->callbacks.post_unpatch = stop_fn; // klp-warning {{per-object post_unpatch callback 'stop_fn' assigned to struct klp_object; an atomic replace never runs the replaced patch's pre_unpatch or post_unpatch callbacks, so what its callbacks set up stays; per-state callbacks fix that: move it to the post_unpatch callback of a struct klp_state [callbacks-per-object]}}
}

static int livepatch_init(void)
{
	objs[0].callbacks.pre_patch = start_fn; // klp-warning {{per-object pre_patch callback 'start_fn' of object 'vmlinux' assigned to struct klp_object; an atomic replace never runs the replaced patch's pre_unpatch or post_unpatch callbacks, so what its callbacks set up stays; per-state callbacks fix that: move it to the pre_patch callback of a struct klp_state [callbacks-per-object]}}
	objs[0].callbacks.pre_unpatch = NULL;
	objs[1].callbacks = shared_callbacks; // klp-warning {{per-object callbacks of object 'ext4' assigned to struct klp_object; an atomic replace never runs the replaced patch's pre_unpatch or post_unpatch callbacks, so what its callbacks set up stays; per-state callbacks fix that: move them to per-state callbacks of a struct klp_state [callbacks-per-object]}}
	objs[2].callbacks = (struct klp_callbacks){ .post_patch = stop_fn }; // klp-warning {{per-object post_patch callback 'stop_fn' of object 'xfs' assigned to struct klp_object; an atomic replace never runs the replaced patch's pre_unpatch or post_unpatch callbacks, so what its callbacks set up stays; per-state callbacks fix that: move it to the post_patch callback of a struct klp_state [callbacks-per-object]}}
	wire_object(&objs[0]);
	return klp_enable_patch(&patch);
}

module_init(livepatch_init);
// SPDX-License-Identifier: GPL-2.0-only
