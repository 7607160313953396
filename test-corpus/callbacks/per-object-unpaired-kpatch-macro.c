// kpatch's callback macros (kpatch-macros.h): create-diff-object attaches
// every KPATCH_*_CALLBACK record of a translation unit to the one object the
// unit belongs to, so the macros of one file are one object's callbacks.
// Here they set up (pre_patch, post_patch) and nothing tears down: one
// finding, at the first setup macro. The object's name is not in the
// source, so the message says whose macros they are.
// The proof of findings builds it with the struct klp_patch kpatch-build
// would write (a vmlinux object with these callbacks) and runs it in
// klp-sim-a: after the disable, the object's setup is still in place.
// RUN: %klp-lint --checks=-*,callbacks-per-object-unpaired %s -- %api-a -Xclang -verify=klp

#include <kpatch-macros.h>
#include <linux/livepatch.h>
#include <linux/module.h>

static int tracing;

static int tracing_on(patch_object *obj)
{
	tracing = 1;
	return 0;
}

static void tracing_live(patch_object *obj)
{
	tracing = 2;
}

KPATCH_PRE_PATCH_CALLBACK(tracing_on); // klp-warning {{the object of this file's KPATCH_*_CALLBACK macros has per-object pre_patch callback 'tracing_on' and post_patch callback 'tracing_live' but neither pre_unpatch nor post_unpatch; what they set up is not undone when the patch is disabled: add a pre_unpatch or post_unpatch callback that undoes it [callbacks-per-object-unpaired]}}
KPATCH_POST_PATCH_CALLBACK(tracing_live);
// SPDX-License-Identifier: GPL-2.0-only
