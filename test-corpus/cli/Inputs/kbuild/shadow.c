/* Shadow variables: one id with a state in main.c, one without. */
#include <linux/livepatch.h>
#include <linux/slab.h>
#include "ids.h"

void *track(void *obj)
{
	klp_shadow_get(obj, ID_WITH_STATE);
	return klp_shadow_alloc(obj, ID_ORPHAN, 8, GFP_KERNEL, NULL, NULL);
}
// SPDX-License-Identifier: GPL-2.0-only
