// Shadow variables in a generation A (upstream) livepatch. A has no
// is_shadow (its klp_state is {id, version, data}), so the core never frees
// shadow variables; spec §6.2 shadow-id-without-state: variant (b) does not
// apply under A, variant (a) does, with "needs migration" wording. An id
// that has an A state (SV_VERSIONED) is silent: the state carries the id and
// only needs is_shadow once migrated. An id with no state is reported.
// RUN: %klp-lint %s -- %api-a -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_VERSIONED 0x40
#define SV_UNTRACKED 0x41 // klp-note {{id 'SV_UNTRACKED' is defined here}}

static void *patched_alloc(void *obj)
{
	void *p = klp_shadow_alloc(obj, SV_VERSIONED, 8, GFP_KERNEL, NULL, NULL);

	klp_shadow_get_or_alloc(obj, SV_UNTRACKED, 8, GFP_KERNEL, NULL, NULL); // klp-warning {{shadow variable id 'SV_UNTRACKED' (65) used by klp_shadow_get_or_alloc() has no state in this livepatch; needs migration: add a struct klp_state with this id and is_shadow so that the core frees these variables when the state is removed [shadow-id-without-state]}}
	return p;
}

static struct klp_func funcs[] = { { .old_name = "orig_alloc", .new_func = patched_alloc }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_VERSIONED, .version = 2 },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
	.replace = true,
};
