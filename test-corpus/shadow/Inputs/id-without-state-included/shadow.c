// Included by ../../id-without-state-included.c; not a test by itself. The
// shadow calls are reported here, at their lines in this file.

#define SV_INC_OWNED 0x901
#define SV_INC_LOST 0x902 // klp-note {{id 'SV_INC_LOST' is defined here}}

static void *inc_shadow(void *obj)
{
	klp_shadow_get_or_alloc(obj, SV_INC_OWNED, 8, GFP_KERNEL, NULL, NULL);
	return klp_shadow_get_or_alloc(obj, SV_INC_LOST, 8, GFP_KERNEL, NULL, NULL); // klp-warning {{shadow variable id 'SV_INC_LOST' (2306) used by klp_shadow_get_or_alloc() matches no state of this livepatch}}
}
// SPDX-License-Identifier: GPL-2.0-only
