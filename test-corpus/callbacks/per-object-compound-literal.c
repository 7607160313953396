// Per-object callbacks in a klp_object array written as a compound literal
// right in the klp_patch initializer, and in a single (non-array) klp_object
// variable. Both are struct klp_object initializers, so docs/semantics.md#rules
// callbacks-per-object, spelling 1 applies, with the module-notifier note
// for the named module object. The name may come from a macro that expands
// to a string literal.
// RUN: %klp-lint --checks=-callbacks-per-object-unpaired %s -- %api-a -Xclang -verify=klp
// PROOF: unshown pre_patch: 'hda_prepare' is a callback of module object snd_hda_intel, which the proof battery does not load, so it never runs
// PROOF: unshown post_unpatch: 'hda_done' belongs to lone_object, which is no object of the patch, so it never runs

#include <linux/livepatch.h>
#include <linux/module.h>

#define TARGET_MODULE "snd_hda_intel"

static int hda_state;

static int hda_prepare(struct klp_object *obj)
{
	hda_state = 1;
	return 0;
}

static void hda_done(struct klp_object *obj)
{
	hda_state = 0;
}

static struct klp_func hda_funcs[] = { { .old_name = "azx_probe" }, {} };
static struct klp_func vm_funcs[] = { { .old_name = "cmdline_proc_show" }, {} };

static struct klp_object lone_object = {
	.funcs = vm_funcs,
	.callbacks.post_unpatch = hda_done, // klp-warning {{per-object post_unpatch callback 'hda_done' of object 'vmlinux' set in a struct klp_object initializer}}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = (struct klp_object[]){
		{
			.name = TARGET_MODULE, // klp-note {{callbacks of object 'snd_hda_intel' also run whenever module 'snd_hda_intel' loads or unloads}}
			.funcs = hda_funcs,
			.callbacks = { .pre_patch = hda_prepare }, // klp-warning {{per-object pre_patch callback 'hda_prepare' of object 'snd_hda_intel' set in a struct klp_object initializer; an atomic replace never runs the replaced patch's pre_unpatch or post_unpatch callbacks, so what its callbacks set up stays; per-state callbacks fix that: move it to the pre_patch callback of a struct klp_state [callbacks-per-object]}}
		},
		{}
	},
};
// SPDX-License-Identifier: GPL-2.0-only
