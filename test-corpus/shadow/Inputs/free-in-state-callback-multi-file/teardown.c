/* The post_unpatch of livepatch.c's state SV_FLOW, and what it calls. */
#include <linux/livepatch.h>

#include "ids.h"

static void forget_flows(void)
{
	klp_shadow_free_all(SV_FLOW, NULL);
}

void flow_teardown(struct klp_patch *patch, struct klp_state *state)
{
	forget_flows();
}
// SPDX-License-Identifier: GPL-2.0-only
