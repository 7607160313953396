// callbacks-per-object-unpaired (docs/semantics.md#rule-callbacks-per-object-unpaired):
// the vmlinux object's per-object callbacks set something up (pre_patch
// saves, post_patch changes the knob) and neither pre_unpatch nor
// post_unpatch undoes it, so on a disable the core runs no callback for the
// object and the change stays (LEG-10). One finding per object, at its
// first setup callback, naming every setup callback. An explicit NULL is no
// teardown. Generation A headers.
// RUN: %klp-lint --checks=-*,callbacks-per-object-unpaired %s -- %api-a -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

static int knob, saved;

static int save_knob(struct klp_object *obj)
{
	saved = knob;
	return 0;
}

static void raise_knob(struct klp_object *obj)
{
	knob = 7;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };

static struct klp_object objs[] = {
	{
		.funcs = funcs,
		.callbacks = {
			.pre_patch = save_knob, // klp-warning {{object 'vmlinux' has per-object pre_patch callback 'save_knob' and post_patch callback 'raise_knob' but neither pre_unpatch nor post_unpatch; what they set up is not undone when the patch is disabled: add a pre_unpatch or post_unpatch callback that undoes it [callbacks-per-object-unpaired]}}
			.post_patch = raise_knob,
			.pre_unpatch = NULL,
		},
	},
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};
// SPDX-License-Identifier: GPL-2.0-only
