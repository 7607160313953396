// SPDX-License-Identifier: GPL-2.0-only
/* Shadow variables of the module: one id with a state, one without. */
#include <linux/livepatch.h>
#include <linux/slab.h>
#include "klp-multi.h"

void *klp_multi_track(void *obj)
{
	return klp_shadow_get_or_alloc(obj, KLP_MULTI_STATE, sizeof(long),
				       GFP_KERNEL, NULL, NULL);
}

void *klp_multi_orphan(void *obj)
{
	return klp_shadow_alloc(obj, KLP_MULTI_ORPHAN, sizeof(long),
				GFP_KERNEL, NULL, NULL);
}
