// callbacks-signature: per-object callbacks of generation A moved into a
// state without changing their types. old_pre_patch() reads the struct
// klp_patch the core passes as a struct klp_object: its "name" is the
// patch's mod pointer, so it takes itself for a module object and refuses
// the enable. old_post_unpatch() only logs, and the reference core, which
// has no kCFI, calls it the same; a kernel built with CONFIG_CFI_CLANG
// stops at the call. Both casts are spelled differently: a bare void *,
// and a function pointer type that is the slot's in all but its parameter.
// RUN: %klp-lint --checks=-*,callbacks-signature %s -- %api-c -Xclang -verify=klp 2>&1 | FileCheck %s --check-prefix=EXIT --implicit-check-not=-verify
// EXIT: {{^}}0 warnings, 2 errors in 1 file

#include <linux/livepatch.h>
#include <linux/module.h>

#define LEGACY_STATE 20

typedef void (*object_unpatch_fn)(struct klp_object *obj);

static int old_pre_patch(struct klp_object *obj) // klp-note {{'old_pre_patch' is declared here}}
{
	if (obj->name) {
		pr_info("%s: module objects are not supported\n", __func__);
		return -ENODEV;
	}
	return 0;
}

static void old_post_unpatch(struct klp_object *obj) // klp-note {{'old_post_unpatch' is declared here}}
{
	pr_info("%s\n", __func__);
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };

static struct klp_state states[] = {
	{
		.id = LEGACY_STATE,
		.callbacks = {
			.pre_patch = (void *)old_pre_patch, // klp-error {{'old_pre_patch' of type 'int (struct klp_object *)' is stored in the pre_patch slot of struct klp_state_callbacks, which the core calls as 'int (struct klp_patch *, struct klp_state *)'; the cast to 'void *' keeps the compiler from saying so: the function reads the arguments the core passes as other types}}
			.post_unpatch = (void (*)(struct klp_patch *, struct klp_state *))(object_unpatch_fn)old_post_unpatch, // klp-error {{'old_post_unpatch' of type 'void (struct klp_object *)' is stored in the post_unpatch slot of struct klp_state_callbacks, which the core calls as 'void (struct klp_patch *, struct klp_state *)'; the cast to 'void (*)(struct klp_patch *, struct klp_state *)' keeps the compiler from saying so}}
		},
	},
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// PROOF: unshown post_unpatch: the enable fails in pre_patch, so post_unpatch never runs; and a void function that only logs runs the same in a core without kCFI
// SPDX-License-Identifier: GPL-2.0-only
