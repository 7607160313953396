/* The states of the livepatch in livepatch.c. */
#include <linux/livepatch.h>

#include "ids.h"

struct klp_state conn_states[] = {
	{ .id = SV_CONN_STATS, .is_shadow = true },
	{ .id = SV_CONN_FLAGS, .is_shadow = true },
	{}
};
// SPDX-License-Identifier: GPL-2.0-only
