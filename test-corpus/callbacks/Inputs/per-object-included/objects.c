// Included by ../../per-object-included.c; not a test by itself. The
// per-object callbacks below are reported here, in this file. The
// assignment goes through objs[0], whose initializer names the object, so
// both findings name it and both get the module-notifier note.

static int nf_state;

static int nf_prepare(struct klp_object *obj)
{
	nf_state = 1;
	return 0;
}

static void nf_restore(struct klp_object *obj)
{
	nf_state = 0;
}

static struct klp_func nf_funcs[] = { { .old_name = "nf_conntrack_in" }, {} };

static struct klp_object objs[] = {
	{
		.name = "nf_conntrack", // klp-note 2 {{callbacks of object 'nf_conntrack' also run whenever module 'nf_conntrack' loads or unloads}}
		.funcs = nf_funcs,
		.callbacks = { .pre_patch = nf_prepare }, // klp-warning {{per-object pre_patch callback 'nf_prepare' of object 'nf_conntrack' set in a struct klp_object initializer; an atomic replace never runs the replaced patch's pre_unpatch or post_unpatch callbacks, so what its callbacks set up stays; per-state callbacks fix that: move it to the pre_patch callback of a struct klp_state [callbacks-per-object]}}
	},
	{}
};

static void rewire(void)
{
	objs[0].callbacks.post_unpatch = nf_restore; // klp-warning {{per-object post_unpatch callback 'nf_restore' of object 'nf_conntrack' assigned to struct klp_object}}
}
// SPDX-License-Identifier: GPL-2.0-only
