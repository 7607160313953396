// Shadow variables in a generation A (upstream) livepatch, judged by the
// kernel it is built for (docs/semantics.md#rules-generation-a): A has no
// is_shadow (its klp_state is {id, version, data}) and its core frees no
// shadow variable, so an id that the module allocates and frees on no path
// a disable takes stays allocated after the disable. Both ids are reported
// at their allocation, whether a state carries the id (SV_VERSIONED: an A
// state frees nothing) or not (SV_UNTRACKED); the klp_shadow_get() of
// SV_VERSIONED is not an allocation and gets nothing more.
// With --target-api=v1 the same code is judged as code to migrate to the
// v1 semantics (prefix v1): SV_VERSIONED has a state, which only needs
// is_shadow once migrated, and every call of SV_UNTRACKED "needs migration".
// RUN: %klp-lint %s -- %api-a -Xclang -verify=klp
// RUN: %klp-lint --target-api=v1 %s -- %api-a -Xclang -verify=v1
// PROOF: call patched_alloc(&klp_sim_knobs)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_VERSIONED 0x40 // klp-note {{id 'SV_VERSIONED' is defined here}}
#define SV_UNTRACKED 0x41 // klp-note {{id 'SV_UNTRACKED' is defined here}} v1-note 2 {{id 'SV_UNTRACKED' is defined here}}

static void *patched_alloc(void *obj)
{
	void *p = klp_shadow_alloc(obj, SV_VERSIONED, 8, GFP_KERNEL, NULL, NULL); // klp-warning {{shadow variable id 'SV_VERSIONED' (64) allocated by klp_shadow_alloc() is never freed when the patch is disabled: no klp_shadow_free() or klp_shadow_free_all() of this id is reached from a per-object pre_unpatch or post_unpatch callback, module exit or a module notifier, so these shadow variables stay allocated after the disable; with per-state callbacks, a struct klp_state with this id and is_shadow would free them [shadow-id-without-state]}}

	klp_shadow_get_or_alloc(obj, SV_UNTRACKED, 8, GFP_KERNEL, NULL, NULL); // klp-warning {{shadow variable id 'SV_UNTRACKED' (65) allocated by klp_shadow_get_or_alloc() is never freed when the patch is disabled}} v1-warning {{shadow variable id 'SV_UNTRACKED' (65) used by klp_shadow_get_or_alloc() has no state in this livepatch; needs migration: add a struct klp_state with this id and is_shadow so that the core frees these variables when the state is removed [shadow-id-without-state]}}
	if (!klp_shadow_get(obj, SV_UNTRACKED)) // v1-warning {{shadow variable id 'SV_UNTRACKED' (65) used by klp_shadow_get() has no state in this livepatch; needs migration}}
		return NULL;
	klp_shadow_get(obj, SV_VERSIONED);
	return p;
}

static struct klp_func funcs[] = { { .old_name = "orig_alloc", .new_func = patched_alloc }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_VERSIONED, .version = 2 }, // klp-note {{state 'SV_VERSIONED' (64) has version 2: on this kernel a patch that carries id 64 with a lower version is refused with -EINVAL}} v1-warning {{state 'SV_VERSIONED' (64) sets a version: v1 removes state versions}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
	.replace = true,
};
// SPDX-License-Identifier: GPL-2.0-only
