// patch-klp-build-states applies to generation A, the API klp-build is
// part of: under the generation C headers (kernel-support's
// livepatch_helpers.h has the same macros) the same klp-build style file is
// not judged.
// RUN: %klp-lint --checks=-*,patch-klp-build-states %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/livepatch_helpers.h>

static struct klp_state states[] = { { .id = 1 }, { } };

static void post(struct klp_object *obj)
{
	klp_get_prev_state(1);
}

KLP_POST_PATCH_CALLBACK(post);
// SPDX-License-Identifier: GPL-2.0-only
