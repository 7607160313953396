// klp-build's callback macros (linux/livepatch_helpers.h, 6.19): objtool
// copies the KLP_*_CALLBACK pointers of a translation unit into the
// callbacks of the one struct klp_object it generates for __KBUILD_MODNAME
// (vmlinux without it). A post_patch alone sets up with nothing to undo it:
// one finding. Also built as a module (second RUN): the same.
// The proof of findings builds it with the struct klp_patch klp-build would
// write (a vmlinux object with this callback) and runs it in klp-sim-a:
// after the disable, the object's setup is still in place.
// RUN: %klp-lint --checks=-*,callbacks-per-object-unpaired %s -- %api-a -Xclang -verify=klp
// RUN: %klp-lint --checks=-*,callbacks-per-object-unpaired %s -- %api-a -D__KBUILD_MODNAME=livepatch_demo -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/livepatch_helpers.h>
#include <linux/module.h>

static int mode;

static void switch_mode(struct klp_object *obj)
{
	mode = 1;
}

KLP_POST_PATCH_CALLBACK(switch_mode); // klp-warning {{the object of this file's KLP_*_CALLBACK macros has per-object post_patch callback 'switch_mode' but neither pre_unpatch nor post_unpatch; what it sets up is not undone when the patch is disabled: add a pre_unpatch or post_unpatch callback that undoes it [callbacks-per-object-unpaired]}}
// SPDX-License-Identifier: GPL-2.0-only
