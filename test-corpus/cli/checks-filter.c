// --checks=<globs> selects the checks that run: a comma-separated list of
// globs, applied in order, where a leading '-' removes. This livepatch has
// one finding of each headline check (docs/semantics.md#rules): a kpatch per-object callback,
// a shadow id with no state, and a state without teardown. All checks run
// by default (the first run, with the -verify prefixes cb, shadow and state); `-*,state-*` runs
// only state-missing-disable-callbacks; `*,-callbacks-*` runs the other two.
// `-*` would run nothing: a gate that cannot find anything is refused
// (exit 2), as is a glob that names no check.
// RUN: %klp-lint %s -- %api-c -I %klp-include/api-a -Xclang -verify=cb,shadow,state
// RUN: %klp-lint --checks=-*,state-* %s -- %api-c -I %klp-include/api-a -Xclang -verify=state
// RUN: %klp-lint --checks=*,-callbacks-* %s -- %api-c -I %klp-include/api-a -Xclang -verify=shadow,state
// RUN: not %klp-lint --checks=-* %s -- %api-c -I %klp-include/api-a 2>&1 | FileCheck %s --check-prefix=NONE
// NONE: klp-lint: error: no check is enabled: the checks selected (*,-patch-blocking-tail-call,-*) match none of the {{[0-9]+}} checks
// RUN: not %klp-lint --checks=-*,shadw-* %s -- %api-c 2>&1 | FileCheck %s --check-prefix=TYPO
// TYPO: klp-lint: error: --checks: 'shadw-*' matches no check; did you mean 'shadow-*'?

#include <kpatch-macros.h>
#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define ST_FILTER 0x5
#define SV_FILTER 0x6 // shadow-note {{id 'SV_FILTER' is defined here}}

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

static void *patched_fn(void *obj)
{
	return klp_shadow_get(obj, SV_FILTER); // shadow-warning {{shadow variable id 'SV_FILTER' (6) used by klp_shadow_get() matches no state of this livepatch}}
}

KPATCH_PRE_PATCH_CALLBACK(obj_hook); // cb-warning {{per-object pre_patch callback 'obj_hook' registered by KPATCH_PRE_PATCH_CALLBACK}}

static struct klp_state states[] = { // shadow-note {{the livepatch's states are declared in 'states'}}
	{ .id = ST_FILTER, .callbacks.pre_patch = state_on }, // state-warning {{state 'ST_FILTER' (5) has a pre_patch callback but neither pre_unpatch nor post_unpatch and no block_disable}}
	{}
};

static struct klp_func funcs[] = { { .old_name = "orig_fn", .new_func = patched_fn }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
