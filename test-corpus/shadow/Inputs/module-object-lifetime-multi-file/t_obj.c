/* The replacement of t's t_obj_func, which attaches a shadow variable through a helper. */
#include <linux/gfp.h>
#include <linux/livepatch.h>

#define SV_TOBJ 0x180

static void *remember(void *obj)
{
	return klp_shadow_get_or_alloc(obj, SV_TOBJ, sizeof(int), GFP_ATOMIC, NULL, NULL);
}

int livepatch_t_obj_func(void *obj)
{
	return remember(obj) ? 0 : -ENOMEM;
}
// SPDX-License-Identifier: GPL-2.0-only
