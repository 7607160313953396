// patch-klp-build-states (docs/semantics.md#rule-patch-klp-build-states):
// a klp-build source (Linux 6.19, generation A): it includes
// linux/livepatch_helpers.h, registers its callbacks with KLP_*_CALLBACK
// and defines no struct klp_patch, which klp-build's
// scripts/livepatch/init.c writes, without states ("TODO
// patch->states"). The states[] it defines are never the patch's: their
// version takes no part in the compatibility check, and the lookups of its
// callback find nothing.
// RUN: %klp-lint --checks=-*,patch-klp-build-states %s -- %api-a -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/livepatch_helpers.h>

#define CONFIG_STATE 1

static struct klp_state states[] = { // klp-warning {{struct klp_state 'states' in a klp-build style file (it includes linux/livepatch_helpers.h and defines no struct klp_patch): klp-build never sets patch->states, so this state is never the patch's: its version takes no part in the compatibility check, and klp_get_state() and klp_get_prev_state() never return it [patch-klp-build-states]}}
	{ .id = CONFIG_STATE, .version = 2 },
	{ }
};

static void config_post_patch(struct klp_object *obj)
{
	struct klp_state *prev = klp_get_prev_state(CONFIG_STATE); // klp-warning {{klp_get_prev_state() in a klp-build style file (it includes linux/livepatch_helpers.h and defines no struct klp_patch): klp-build never sets patch->states, so no state of this patch is ever found}}

	if (prev && prev->version < states[0].version)
		pr_info("%s: upgrading the configuration\n", __func__);
}

KLP_POST_PATCH_CALLBACK(config_post_patch);

// Proof of findings: the file is the source of a module klp-build
// generates, whose struct klp_patch the battery does not build.
// PROOF: unshown states: klp-build's generated patch (scripts/livepatch/init.c, without states) is not part of the module the battery builds
// PROOF: unshown klp_get_prev_state: the callback that calls it is klp-build's, run only through the patch it generates
// SPDX-License-Identifier: GPL-2.0-only
