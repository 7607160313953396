// Source of a klp-build (Linux 6.19) livepatch: it includes
// linux/livepatch_helpers.h for the KLP_*_CALLBACK macros and defines no
// struct klp_patch; klp-build's generated patch never sets states ("TODO
// patch->states", spec §1.1). So under generation C headers its shadow ids
// match no state of the livepatch (variant (a)), is_shadow states declared
// here notwithstanding.
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/livepatch_helpers.h>
#include <linux/module.h>

#define SV_CTX 7 // klp-note 2 {{id 'SV_CTX' is defined here}}

static void drop_ctx(struct klp_object *obj)
{
	klp_shadow_free_all(SV_CTX, NULL); // klp-warning {{shadow variable id 'SV_CTX' (7) used by klp_shadow_free_all() matches no state of this livepatch; these shadow variables are never freed when the patch is disabled or replaced [shadow-id-without-state]}}
}
KLP_POST_UNPATCH_CALLBACK(drop_ctx); // klp-warning {{per-object post_unpatch callback 'drop_ctx' registered by KLP_POST_UNPATCH_CALLBACK}}

void *patched_ctx(void *obj)
{
	return klp_shadow_get(obj, SV_CTX); // klp-warning {{shadow variable id 'SV_CTX' (7) used by klp_shadow_get() matches no state of this livepatch}}
}

struct klp_state never_used[] = {
	{ .id = SV_CTX, .is_shadow = true },
	{}
};
