// Source of a klp-build (Linux 6.19) livepatch: it includes
// linux/livepatch_helpers.h for the KLP_*_CALLBACK macros and defines no
// struct klp_patch; klp-build's generated patch never sets states ("TODO
// patch->states", spec §1.1). Under the generation A headers of 6.19 its
// shadow ids therefore have no state in the livepatch, the versioned state
// declared here notwithstanding: "needs migration". (Generation C headers:
// test-corpus/cli/generated-patch.test.)
// RUN: %klp-lint %s -- %api-a -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/livepatch_helpers.h>
#include <linux/module.h>

#define SV_CTX 7 // klp-note 2 {{id 'SV_CTX' is defined here}}

static void drop_ctx(struct klp_object *obj)
{
	klp_shadow_free_all(SV_CTX, NULL); // klp-warning {{shadow variable id 'SV_CTX' (7) used by klp_shadow_free_all() has no state in this livepatch; needs migration: add a struct klp_state with this id and is_shadow so that the core frees these variables when the state is removed [shadow-id-without-state]}}
}
KLP_POST_UNPATCH_CALLBACK(drop_ctx); // klp-warning {{per-object post_unpatch callback 'drop_ctx' registered by KLP_POST_UNPATCH_CALLBACK}}

void *patched_ctx(void *obj)
{
	return klp_shadow_get_or_alloc(obj, SV_CTX, 16, GFP_KERNEL, NULL, NULL); // klp-warning {{shadow variable id 'SV_CTX' (7) used by klp_shadow_get_or_alloc() has no state in this livepatch; needs migration}}
}

struct klp_state never_used[] = {
	{ .id = SV_CTX, .version = 1 },
	{}
};
