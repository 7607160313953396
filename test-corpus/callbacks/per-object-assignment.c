// Per-object callbacks assigned at run time, in module init, instead of in
// an initializer. Spec §6.2 callbacks-per-object, spelling 2: assignments
// to `<klp_object>.callbacks`, `->callbacks` and `....callbacks.<member>`.
// The object is not known at an assignment, so the message has no "of
// object" part and there is no module-notifier note. Copying a whole struct
// klp_callbacks whose contents are not visible is reported once, without a
// role; a compound literal is looked into, one finding per function.
// Assigning NULL removes a callback and is not reported.
// RUN: %klp-lint %s -- %api-a -Xclang -verify=klp

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

extern struct klp_callbacks shared_callbacks;

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_func mod_funcs[] = { { .old_name = "ext4_fill_super" }, {} };
static struct klp_object objs[] = {
	{ .funcs = funcs },
	{ .name = "ext4", .funcs = mod_funcs },
	{ .name = "xfs", .funcs = mod_funcs },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static void wire_object(struct klp_object *obj)
{
	obj->callbacks.post_unpatch = stop_fn; // klp-warning {{per-object post_unpatch callback 'stop_fn' assigned to struct klp_object; move it to the post_unpatch callback of a struct klp_state [callbacks-per-object]}}
}

static int livepatch_init(void)
{
	objs[0].callbacks.pre_patch = start_fn; // klp-warning {{per-object pre_patch callback 'start_fn' assigned to struct klp_object; move it to the pre_patch callback of a struct klp_state [callbacks-per-object]}}
	objs[0].callbacks.pre_unpatch = NULL;
	objs[1].callbacks = shared_callbacks; // klp-warning {{per-object callbacks assigned to struct klp_object; move them to per-state callbacks of a struct klp_state [callbacks-per-object]}}
	objs[2].callbacks = (struct klp_callbacks){ .post_patch = stop_fn }; // klp-warning {{per-object post_patch callback 'stop_fn' assigned to struct klp_object; move it to the post_patch callback of a struct klp_state [callbacks-per-object]}}
	wire_object(&objs[0]);
	return klp_enable_patch(&patch);
}

module_init(livepatch_init);
