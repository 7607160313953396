// callbacks-reenter-core through the module's own macro, two calls deep,
// and from kpatch's KPATCH_POST_UNPATCH_CALLBACK (generation A): the macro
// hides the call of klp_enable_patch(), the kpatch macro makes the
// function a per-object callback.
// RUN: %klp-lint --checks=-*,callbacks-reenter-core %s -- %api-a -Xclang -verify=klp 2>&1 | FileCheck %s --check-prefix=EXIT --implicit-check-not=-verify
// EXIT: {{^}}0 warnings, 1 error in 1 file

#include <linux/livepatch.h>
#include <kpatch-macros.h>

#define TURN_ON(p) klp_enable_patch(&(p))

extern struct klp_patch next_patch;

static int switch_over(void)
{
	return TURN_ON(next_patch); // klp-error {{klp_enable_patch() is called from the per-object post_unpatch callback 'hand_over' (in 'switch_over')}}
}

static void after_switch(void)
{
	if (switch_over())
		pr_warn("no switch\n");
}

static void hand_over(patch_object *obj) // klp-note {{'hand_over' reaches 'switch_over'}}
{
	after_switch();
}

KPATCH_POST_UNPATCH_CALLBACK(hand_over);

// PROOF: unshown klp_mutex: kpatch's callback macros become callbacks only through the patch kpatch-build generates, which the battery does not run
// SPDX-License-Identifier: GPL-2.0-only
