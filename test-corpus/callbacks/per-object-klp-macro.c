// klp-build's callback macros (linux/livepatch_helpers.h, Linux 6.19): each
// KLP_*_CALLBACK(fn) defines a pointer that objtool copies into the
// per-object callbacks of the generated struct klp_object. docs/semantics.md#rules
// callbacks-per-object, spelling 4; docs/semantics.md#generation-a "Callback macros". One finding per
// expansion, naming the macro and the role. The second RUN builds it as a
// module (__KBUILD_MODNAME set, so the pointers get the module's name): the
// findings do not change.
// The proof of findings builds it with the struct klp_patch klp-build would
// write (a vmlinux object with these callbacks) and runs it in klp-sim-a:
// after the replace, none of the unpatch callbacks ran.
// RUN: %klp-lint --checks=-callbacks-per-object-unpaired %s -- %api-a -Xclang -verify=klp
// RUN: %klp-lint --checks=-callbacks-per-object-unpaired %s -- %api-a -D__KBUILD_MODNAME=livepatch_demo -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/livepatch_helpers.h>
#include <linux/module.h>

static int hooked;

static int lp_pre_patch(struct klp_object *obj)
{
	hooked = 1;
	return 0;
}

static void lp_post_patch(struct klp_object *obj)
{
	hooked = 2;
}

static void lp_pre_unpatch(struct klp_object *obj)
{
	hooked = 3;
}

static void lp_post_unpatch(struct klp_object *obj)
{
	hooked = 0;
}

KLP_PRE_PATCH_CALLBACK(lp_pre_patch); // klp-warning {{per-object pre_patch callback 'lp_pre_patch' registered by KLP_PRE_PATCH_CALLBACK; an atomic replace never runs the replaced patch's pre_unpatch or post_unpatch callbacks, so what its callbacks set up stays; per-state callbacks fix that: move it to the pre_patch callback of a struct klp_state [callbacks-per-object]}}
KLP_POST_PATCH_CALLBACK(lp_post_patch); // klp-warning {{per-object post_patch callback 'lp_post_patch' registered by KLP_POST_PATCH_CALLBACK; an atomic replace never runs the replaced patch's pre_unpatch or post_unpatch callbacks, so what its callbacks set up stays; per-state callbacks fix that: move it to the post_patch callback of a struct klp_state [callbacks-per-object]}}
KLP_PRE_UNPATCH_CALLBACK(lp_pre_unpatch); // klp-warning {{per-object pre_unpatch callback 'lp_pre_unpatch' registered by KLP_PRE_UNPATCH_CALLBACK; an atomic replace never runs the replaced patch's pre_unpatch or post_unpatch callbacks, so what its callbacks set up stays; per-state callbacks fix that: move it to the pre_unpatch callback of a struct klp_state [callbacks-per-object]}}
KLP_POST_UNPATCH_CALLBACK(lp_post_unpatch); // klp-warning {{per-object post_unpatch callback 'lp_post_unpatch' registered by KLP_POST_UNPATCH_CALLBACK; an atomic replace never runs the replaced patch's pre_unpatch or post_unpatch callbacks, so what its callbacks set up stays; per-state callbacks fix that: move it to the post_unpatch callback of a struct klp_state [callbacks-per-object]}}
// SPDX-License-Identifier: GPL-2.0-only
