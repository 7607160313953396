// Source of a klp-build (Linux 6.19) livepatch: it includes
// linux/livepatch_helpers.h for the KLP_*_CALLBACK macros and defines no
// struct klp_patch; klp-build's generated patch never sets states ("TODO
// patch->states", docs/semantics.md#generation-a), so the versioned state declared here does
// not count (patch-klp-build-states says so). Under the generation A headers of 6.19 a shadow id is judged by
// A's semantics (docs/semantics.md#rules-generation-a): SV_CTX is freed by
// the KLP_POST_UNPATCH_CALLBACK, so it gets the migration note, not a
// warning. (Generation C headers: test-corpus/cli/generated-patch.test.)
// The proof of findings builds it with the struct klp_patch klp-build would
// write (a vmlinux object whose post_unpatch is drop_ctx) and runs it in
// klp-sim-a: the disable frees what patched_ctx allocated.
// PROOF: call patched_ctx(&klp_sim_knobs)
// RUN: %klp-lint %s -- %api-a -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/livepatch_helpers.h>
#include <linux/module.h>

#define SV_CTX 7 // klp-note {{id 'SV_CTX' is defined here}}

static void drop_ctx(struct klp_object *obj)
{
	klp_shadow_free_all(SV_CTX, NULL); // klp-note {{freed here by klp_shadow_free_all()}}
}
KLP_POST_UNPATCH_CALLBACK(drop_ctx); // klp-warning {{per-object post_unpatch callback 'drop_ctx' registered by KLP_POST_UNPATCH_CALLBACK}}

void *patched_ctx(void *obj)
{
	return klp_shadow_get_or_alloc(obj, SV_CTX, 16, GFP_KERNEL, NULL, NULL); // klp-note {{shadow variable id 'SV_CTX' (7) is freed by hand when the patch is disabled (from per-object post_unpatch callback 'drop_ctx'); needs migration to an is_shadow state}}
}

struct klp_state never_used[] = { // klp-warning {{struct klp_state 'never_used' in a klp-build style file (it includes linux/livepatch_helpers.h and defines no struct klp_patch): klp-build never sets patch->states, so this state is never the patch's}}
	{ .id = SV_CTX, .version = 1 },
	{}
};
// SPDX-License-Identifier: GPL-2.0-only
