// patch-klp-build-states: the klp-build style is told by the
// KLP_PRE_PATCH_CALLBACK macro, here behind the module's own wrapper macro,
// and the state array is defined by a macro too.
// RUN: %klp-lint --checks=-*,patch-klp-build-states %s -- %api-a -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/livepatch_helpers.h>

#define DEFINE_STATES(name, n) static struct klp_state name[] = { { .id = (n), .version = 1 }, { } }
#define REGISTER(fn) KLP_PRE_PATCH_CALLBACK(fn)

DEFINE_STATES(fix_states, 3); // klp-warning {{struct klp_state 'fix_states' in a klp-build style file}}

static int prepare(struct klp_object *obj)
{
	return fix_states[0].version ? 0 : -EINVAL;
}

REGISTER(prepare);

// PROOF: unshown fix_states: klp-build's generated patch (scripts/livepatch/init.c, without states) is not part of the module the battery builds
// SPDX-License-Identifier: GPL-2.0-only
