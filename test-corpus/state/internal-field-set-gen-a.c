// Generation A keeps the same record per object: post_unpatch_enabled.
// Preset in the initializer, a failed pre_patch of an earlier object makes
// the cancel run this object's post_unpatch although its pre_patch never
// ran.
// RUN: %klp-lint --checks=-*,state-internal-field-set %s -- %api-a -Xclang -verify=klp

#include <linux/errno.h>
#include <linux/livepatch.h>
#include <linux/module.h>

static int vmlinux_pre_patch(struct klp_object *obj)
{
	return -ENODEV;
}

static int mod_pre_patch(struct klp_object *obj)
{
	return 0;
}

static void mod_post_unpatch(struct klp_object *obj)
{
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_func mod_funcs[] = { { .old_name = "test_target_value" }, {} };
static struct klp_object objs[] = {
	{ .funcs = funcs, .callbacks = { .pre_patch = vmlinux_pre_patch } },
	{
		.name = "a_t",
		.funcs = mod_funcs,
		.callbacks = {
			.pre_patch = mod_pre_patch,
			.post_unpatch = mod_post_unpatch,
			.post_unpatch_enabled = true, // klp-error {{'post_unpatch_enabled' is preset: the core records in it that this object's pre_patch step passed and runs post_unpatch only then; set by the patch, a failed pre_patch of an earlier object makes the core run this object's post_unpatch although its own pre_patch never ran}}
		},
	},
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

// Proof of findings: the enable fails at vmlinux's pre_patch; the core runs
// per-object callbacks only for objects that are loaded, and the battery
// never loads the target module a_t, so the cancel skips its post_unpatch.
// PROOF: enable fails
// PROOF: unshown post_unpatch_enabled: the battery never loads the target module a_t, and the core runs no callback of an object that is not loaded
// SPDX-License-Identifier: GPL-2.0-only
