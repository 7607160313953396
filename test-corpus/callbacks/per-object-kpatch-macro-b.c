// A kpatch-built livepatch whose callbacks still use the per-object
// KPATCH_*_CALLBACK macros while the kernel's headers are generation B
// (POC): linux/livepatch.h comes from the B header set, only kpatch-macros.h
// from the generation A set. docs/semantics.md#rule-callbacks-per-object, spelling 3;
// under B headers the suggested per-state role uses the B vocabulary of docs/semantics.md#role-mapping
// (pre_patch -> setup, post_patch -> enable, pre_unpatch -> disable,
// post_unpatch -> release).
// RUN: %klp-lint %s -- %api-b -I %klp-include/api-a -Xclang -verify=klp

#include <kpatch-macros.h>
#include <linux/livepatch.h>
#include <linux/module.h>

static int hooked;

static int b_pre_patch(patch_object *obj)
{
	hooked = 1;
	return 0;
}

static void b_post_patch(patch_object *obj)
{
	hooked = 2;
}

static void b_pre_unpatch(patch_object *obj)
{
	hooked = 3;
}

static void b_post_unpatch(patch_object *obj)
{
	hooked = 0;
}

KPATCH_PRE_PATCH_CALLBACK(b_pre_patch); // klp-warning {{per-object pre_patch callback 'b_pre_patch' registered by KPATCH_PRE_PATCH_CALLBACK; move it to the setup callback of a struct klp_state [callbacks-per-object]}}
KPATCH_POST_PATCH_CALLBACK(b_post_patch); // klp-warning {{per-object post_patch callback 'b_post_patch' registered by KPATCH_POST_PATCH_CALLBACK; move it to the enable callback of a struct klp_state [callbacks-per-object]}}
KPATCH_PRE_UNPATCH_CALLBACK(b_pre_unpatch); // klp-warning {{per-object pre_unpatch callback 'b_pre_unpatch' registered by KPATCH_PRE_UNPATCH_CALLBACK; move it to the disable callback of a struct klp_state [callbacks-per-object]}}
KPATCH_POST_UNPATCH_CALLBACK(b_post_unpatch); // klp-warning {{per-object post_unpatch callback 'b_post_unpatch' registered by KPATCH_POST_UNPATCH_CALLBACK; move it to the release callback of a struct klp_state [callbacks-per-object]}}
// SPDX-License-Identifier: GPL-2.0-only
