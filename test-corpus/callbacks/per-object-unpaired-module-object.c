// A module object (non-NULL name) whose callbacks only set up: besides the
// disable, its callbacks run whenever the module loads (pre_patch,
// post_patch) or goes (pre_unpatch, post_unpatch) while the patch is
// enabled (LEG-2, LEG-3), so without a teardown every removal of the module
// leaves the change too: the finding has a note at the object's name. The
// vmlinux object of the same patch is paired and silent.
// RUN: %klp-lint --checks=-*,callbacks-per-object-unpaired %s -- %api-a -Xclang -verify=klp
// PROOF: unshown nfsd: the proof battery does not load module nfsd, so the object's callbacks never run

#include <linux/livepatch.h>
#include <linux/module.h>

static int exports_hooked;

static int hook_exports(struct klp_object *obj)
{
	exports_hooked = 1;
	return 0;
}

static int vm_prepare(struct klp_object *obj)
{
	return 0;
}

static void vm_cleanup(struct klp_object *obj)
{
}

static struct klp_func vm_funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_func nfsd_funcs[] = { { .old_name = "nfsd_open" }, {} };

static struct klp_object objs[] = {
	{
		.funcs = vm_funcs,
		.callbacks = { .pre_patch = vm_prepare, .post_unpatch = vm_cleanup },
	},
	{
		.name = "nfsd", // klp-note {{nor when module 'nfsd' is removed while the patch is enabled}}
		.funcs = nfsd_funcs,
		.callbacks = { .pre_patch = hook_exports }, // klp-warning {{object 'nfsd' has per-object pre_patch callback 'hook_exports' but neither pre_unpatch nor post_unpatch; what it sets up is not undone when the patch is disabled: add a pre_unpatch or post_unpatch callback that undoes it [callbacks-per-object-unpaired]}}
	},
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};
// SPDX-License-Identifier: GPL-2.0-only
