// --warnings-as-errors=<globs> promotes the warnings of the matching checks:
// the finding is printed as an error, its tag becomes
// "[<check>,-warnings-as-errors]", its notes are unchanged, and klp-lint
// exits 1. Warnings of checks that do not match stay warnings. Without the
// option, or when no finding matches, the exit code is 0. The livepatch is
// generation C but still registers a kpatch per-object callback
// (callbacks-per-object, docs/semantics.md#rules spelling 3), and has a state without teardown
// (state-missing-disable-callbacks).
// RUN: sh -c '%klp-lint --warnings-as-errors=callbacks-* %s -- %api-c -I %klp-include/api-a 2>&1; echo "exit=$?"' | FileCheck %s --check-prefix=PROMOTED --implicit-check-not=warning: --implicit-check-not=error:
// RUN: sh -c '%klp-lint --warnings-as-errors=callbacks-*,state-* %s -- %api-c -I %klp-include/api-a 2>&1; echo "exit=$?"' | FileCheck %s --check-prefix=BOTH --implicit-check-not=warning: --implicit-check-not=error:
// RUN: sh -c '%klp-lint --warnings-as-errors=shadow-* %s -- %api-c -I %klp-include/api-a 2>&1; echo "exit=$?"' | FileCheck %s --check-prefix=PLAIN --implicit-check-not=warning: --implicit-check-not=error:
// RUN: sh -c '%klp-lint %s -- %api-c -I %klp-include/api-a 2>&1; echo "exit=$?"' | FileCheck %s --check-prefix=PLAIN --implicit-check-not=warning: --implicit-check-not=error:
// RUN: not %klp-lint --warnings-as-errors=callbacks-* %s -- %api-c -I %klp-include/api-a

#include <kpatch-macros.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define ST_WAE 0x3

static int flag;

static int obj_hook(patch_object *obj)
{
	flag = 1;
	return 0;
}

static int state_on(struct klp_patch *patch, struct klp_state *state)
{
	flag = 2;
	return 0;
}

KPATCH_PRE_PATCH_CALLBACK(obj_hook);
// PROMOTED: warnings-as-errors.c:[[@LINE-1]]:1: error: per-object pre_patch callback 'obj_hook' registered by KPATCH_PRE_PATCH_CALLBACK; move it to the pre_patch callback of a struct klp_state [callbacks-per-object,-warnings-as-errors]
// BOTH: warnings-as-errors.c:[[@LINE-2]]:1: error: per-object pre_patch callback 'obj_hook' registered by KPATCH_PRE_PATCH_CALLBACK; move it to the pre_patch callback of a struct klp_state [callbacks-per-object,-warnings-as-errors]
// PLAIN: warnings-as-errors.c:[[@LINE-3]]:1: warning: per-object pre_patch callback 'obj_hook' registered by KPATCH_PRE_PATCH_CALLBACK; move it to the pre_patch callback of a struct klp_state [callbacks-per-object]

static struct klp_state states[] = {
	{ .id = ST_WAE, .callbacks.pre_patch = state_on },
	// PROMOTED: warnings-as-errors.c:[[@LINE-1]]:2: warning: state 'ST_WAE' (3) has a pre_patch callback {{.*}} [state-missing-disable-callbacks]
	// BOTH: warnings-as-errors.c:[[@LINE-2]]:2: error: state 'ST_WAE' (3) has a pre_patch callback {{.*}} [state-missing-disable-callbacks,-warnings-as-errors]
	// PLAIN: warnings-as-errors.c:[[@LINE-3]]:2: warning: state 'ST_WAE' (3) has a pre_patch callback {{.*}} [state-missing-disable-callbacks]
	{}
};

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// PROMOTED: exit=1
// BOTH: exit=1
// PLAIN: exit=0
// SPDX-License-Identifier: GPL-2.0-only
