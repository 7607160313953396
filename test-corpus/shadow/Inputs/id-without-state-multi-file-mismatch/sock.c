/* Shadow variables of the module; its states are in livepatch.c. */
#include <linux/gfp.h>
#include <linux/livepatch.h>

#include "ids.h"

void *patched_sock_open(void *sock)
{
	void *stats = klp_shadow_get_or_alloc(sock, SV_SOCK_STATS, 64, GFP_KERNEL, NULL, NULL);

	klp_shadow_get_or_alloc(sock, SV_SOCK_MARK, 4, GFP_KERNEL, NULL, NULL);
	klp_shadow_alloc(sock, SV_SOCK_QUEUE, 16, GFP_KERNEL, NULL, NULL);
	return stats;
}
// SPDX-License-Identifier: GPL-2.0-only
