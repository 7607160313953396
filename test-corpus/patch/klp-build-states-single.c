// patch-klp-build-states: a lone struct klp_state and klp_get_state() in a
// klp-build style file whose helpers come through the module's own header.
// The state lookup of the replacement function asks a patch that has no
// states at all.
// RUN: %klp-lint --checks=-*,patch-klp-build-states %s -- %api-a -Xclang -verify=klp

#include "Inputs/klp-build-states/klp_build_patch.h"

struct klp_state tunable_state = { .id = 7, .version = 1 }; // klp-warning {{struct klp_state 'tunable_state' in a klp-build style file (it includes linux/livepatch_helpers.h and defines no struct klp_patch)}}

/* Set by the generated init (klp-build's scripts/livepatch/init.c). */
struct klp_patch *this_patch;

int livepatch_tunable(void)
{
	struct klp_state *s = klp_get_state(this_patch, 7); // klp-warning {{klp_get_state() in a klp-build style file}}

	return s ? (int)s->version : 0;
}

// PROOF: unshown tunable_state: klp-build's generated patch (scripts/livepatch/init.c, without states) is not part of the module the battery builds
// PROOF: unshown klp_get_state: this_patch is the patch klp-build generates, which the battery does not build
// SPDX-License-Identifier: GPL-2.0-only
