// callbacks-signature on klp-build's KLP_*_CALLBACK macros (generation A,
// 6.19): each defines a klp_pre_patch_t (...) pointer to the function,
// which objtool's "klp diff" copies into the object's callbacks. Behind a
// cast in the macro's argument, a pre_patch without a result passes. The
// post_patch one is right.
// RUN: %klp-lint --checks=-*,callbacks-signature %s -- %api-a -Xclang -verify=klp 2>&1 | FileCheck %s --check-prefix=EXIT --implicit-check-not=-verify
// EXIT: {{^}}0 warnings, 1 error in 1 file

#include <linux/livepatch.h>
#include <linux/livepatch_helpers.h>

static void patch_setup(struct klp_object *obj) // klp-note {{'patch_setup' is declared here}}
{
	pr_info("%s\n", __func__);
}

static void patch_enable(struct klp_object *obj)
{
}

KLP_PRE_PATCH_CALLBACK((void *)patch_setup); // klp-error {{'patch_setup' of type 'void (struct klp_object *)' is stored in the pre_patch slot of klp-build's callback pointer (klp_pre_patch_t), which the core calls as 'int (struct klp_object *)'}}
KLP_POST_PATCH_CALLBACK(patch_enable);

// Proof of findings: the file has no struct klp_patch; the battery gives it
// the patch klp-build writes, with the KLP_* pointers as the object's
// callbacks as objtool copies them, so the core calls patch_setup as an int
// pre_patch and the enable fails on its leftover return register.
// SPDX-License-Identifier: GPL-2.0-only
