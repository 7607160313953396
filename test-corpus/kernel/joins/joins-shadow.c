// SPDX-License-Identifier: GPL-2.0-only
/* The module's shadow variables: one id with a state, one whose allocation
 * the shared header decides. */
#include <linux/livepatch.h>
#include <linux/slab.h>
#include "joins.h"

void *joins_track(void *obj)
{
	return klp_shadow_get_or_alloc(obj, JOINS_STATE, sizeof(long),
				       GFP_KERNEL, NULL, NULL);
}

void *joins_orphan(void *obj)
{
	return JOINS_ORPHAN_ALLOC(obj);
}
