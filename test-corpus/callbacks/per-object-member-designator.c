// Per-object callbacks set through nested designators (`.callbacks.pre_patch
// = f`) rather than a braced `.callbacks = {...}`. docs/semantics.md#rules
// callbacks-per-object, spelling 1 names both designator forms. The object
// is the module "nfsd", so every finding carries the module-notifier note at
// the object's name (one note per finding). A designator that sets a member
// to NULL (`.callbacks.pre_unpatch = NULL`) is not a callback.
// RUN: %klp-lint --checks=-callbacks-per-object-unpaired %s -- %api-a -Xclang -verify=klp
// PROOF: unshown pre_patch: 'nfsd_prepare' is a callback of module object nfsd, which the proof battery does not load, so it never runs
// PROOF: unshown post_unpatch: 'nfsd_release' is a callback of module object nfsd, which the proof battery does not load, so it never runs

#include <linux/livepatch.h>
#include <linux/module.h>

static int seen;

static int nfsd_prepare(struct klp_object *obj)
{
	seen = 1;
	return 0;
}

static void nfsd_release(struct klp_object *obj)
{
	seen = 0;
}

static struct klp_func funcs[] = { { .old_name = "nfsd_open" }, {} };

static struct klp_object objs[] = {
	{
		.name = "nfsd", // klp-note 2 {{callbacks of object 'nfsd' also run whenever module 'nfsd' loads or unloads}}
		.funcs = funcs,
		.callbacks.pre_patch = nfsd_prepare, // klp-warning {{per-object pre_patch callback 'nfsd_prepare' of object 'nfsd' set in a struct klp_object initializer; an atomic replace never runs the replaced patch's pre_unpatch or post_unpatch callbacks, so what its callbacks set up stays; per-state callbacks fix that: move it to the pre_patch callback of a struct klp_state [callbacks-per-object]}}
		.callbacks.pre_unpatch = NULL,
		.callbacks.post_unpatch = &nfsd_release, // klp-warning {{per-object post_unpatch callback 'nfsd_release' of object 'nfsd' set in a struct klp_object initializer; an atomic replace never runs the replaced patch's pre_unpatch or post_unpatch callbacks, so what its callbacks set up stays; per-state callbacks fix that: move it to the post_unpatch callback of a struct klp_state [callbacks-per-object]}}
	},
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};
// SPDX-License-Identifier: GPL-2.0-only
