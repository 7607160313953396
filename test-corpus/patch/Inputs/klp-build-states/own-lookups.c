/* klp-build-states-lookalike.c: a klp-build style file whose lookups are its own functions. */
#include <linux/livepatch.h>
#include <linux/livepatch_helpers.h>

static int klp_get_state_count(void)
{
	return 0;
}

static struct klp_state *current_state;

static void count_states(struct klp_object *obj)
{
	klp_get_state_count();
	(void)current_state;
}

KLP_POST_PATCH_CALLBACK(count_states);
// klp-no-diagnostics
// SPDX-License-Identifier: GPL-2.0-only
