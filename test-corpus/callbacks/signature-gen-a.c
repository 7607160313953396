// callbacks-signature under generation A headers: per-object callbacks of
// struct klp_callbacks, which the core calls with the struct klp_object *.
// A void function in the int pre_patch slot hands the core printk()'s
// length as its result, so the vmlinux object's pre_patch "fails" and the
// enable with it (klp-sim-a: "pre-patch callback failed for object
// 'vmlinux'"). A post_patch written with the state callbacks' parameters
// reads the object as a patch; the teardown pair is right.
// RUN: %klp-lint --checks=-*,callbacks-signature %s -- %api-a -Xclang -verify=klp 2>&1 | FileCheck %s --check-prefix=EXIT --implicit-check-not=-verify
// EXIT: {{^}}0 warnings, 2 errors in 1 file

#include <linux/livepatch.h>
#include <linux/module.h>

static void vmlinux_pre_patch(struct klp_object *obj) // klp-note {{'vmlinux_pre_patch' is declared here}}
{
	pr_info("%s: vmlinux\n", __func__);
}

static void vmlinux_post_patch(struct klp_patch *patch, struct klp_object *obj) // klp-note {{'vmlinux_post_patch' is declared here}}
{
	pr_info("%s\n", __func__);
}

static void vmlinux_pre_unpatch(struct klp_object *obj)
{
}

static void vmlinux_post_unpatch(struct klp_object *obj)
{
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, { } };

static struct klp_object objs[] = {
	{
		.funcs = funcs,
		.callbacks = {
			.pre_patch = (void *)vmlinux_pre_patch, // klp-error {{'vmlinux_pre_patch' of type 'void (struct klp_object *)' is stored in the pre_patch slot of struct klp_callbacks, which the core calls as 'int (struct klp_object *)'; the cast to 'void *' keeps the compiler from saying so: the core takes whatever the function leaves in the return register as its result}}
			.post_patch = (void *)vmlinux_post_patch, // klp-error {{'vmlinux_post_patch' of type 'void (struct klp_patch *, struct klp_object *)' is stored in the post_patch slot of struct klp_callbacks, which the core calls as 'void (struct klp_object *)'}}
			.pre_unpatch = vmlinux_pre_unpatch,
			.post_unpatch = vmlinux_post_unpatch,
		},
	}, { }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

// PROOF: unshown post_patch: the enable fails in pre_patch, so post_patch never runs
// SPDX-License-Identifier: GPL-2.0-only
