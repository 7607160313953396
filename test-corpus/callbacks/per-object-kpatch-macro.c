// kpatch's callback macros (kpatch-macros.h): each KPATCH_*_CALLBACK(fn)
// registers a per-object callback for the object create-diff-object fills
// in. docs/semantics.md#rule-callbacks-per-object, spelling 3; docs/semantics.md#generation-a "Callback macros".
// Each expansion is one finding at the macro, naming the macro and the
// role; the object is not known in the source.
// The proof of findings builds it with the struct klp_patch kpatch-build
// would write (a vmlinux object with these callbacks) and runs it in
// klp-sim-a: after the replace, none of the unpatch callbacks ran.
// RUN: %klp-lint --checks=-callbacks-per-object-unpaired %s -- %api-a -Xclang -verify=klp

#include <kpatch-macros.h>
#include <linux/livepatch.h>
#include <linux/module.h>

static int hooked;

static int hook_on(patch_object *obj)
{
	hooked = 1;
	return 0;
}

static void hook_live(patch_object *obj)
{
	hooked = 2;
}

static void hook_going(patch_object *obj)
{
	hooked = 3;
}

static void hook_off(patch_object *obj)
{
	hooked = 0;
}

KPATCH_PRE_PATCH_CALLBACK(hook_on); // klp-warning {{per-object pre_patch callback 'hook_on' registered by KPATCH_PRE_PATCH_CALLBACK; an atomic replace never runs the replaced patch's pre_unpatch or post_unpatch callbacks, so what its callbacks set up stays; per-state callbacks fix that: move it to the pre_patch callback of a struct klp_state [callbacks-per-object]}}
KPATCH_POST_PATCH_CALLBACK(hook_live); // klp-warning {{per-object post_patch callback 'hook_live' registered by KPATCH_POST_PATCH_CALLBACK; an atomic replace never runs the replaced patch's pre_unpatch or post_unpatch callbacks, so what its callbacks set up stays; per-state callbacks fix that: move it to the post_patch callback of a struct klp_state [callbacks-per-object]}}
KPATCH_PRE_UNPATCH_CALLBACK(hook_going); // klp-warning {{per-object pre_unpatch callback 'hook_going' registered by KPATCH_PRE_UNPATCH_CALLBACK; an atomic replace never runs the replaced patch's pre_unpatch or post_unpatch callbacks, so what its callbacks set up stays; per-state callbacks fix that: move it to the pre_unpatch callback of a struct klp_state [callbacks-per-object]}}
KPATCH_POST_UNPATCH_CALLBACK(hook_off); // klp-warning {{per-object post_unpatch callback 'hook_off' registered by KPATCH_POST_UNPATCH_CALLBACK; an atomic replace never runs the replaced patch's pre_unpatch or post_unpatch callbacks, so what its callbacks set up stays; per-state callbacks fix that: move it to the post_unpatch callback of a struct klp_state [callbacks-per-object]}}
// SPDX-License-Identifier: GPL-2.0-only
