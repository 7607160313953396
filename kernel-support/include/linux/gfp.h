/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Allocation flags for the klp-lint user-space kernel headers.
 *
 * The bit values are this project's own; the composite flags are built from
 * the same modifiers as in the kernel, so that the user-space core can tell
 * a sleeping allocation (__GFP_DIRECT_RECLAIM) from an atomic one.
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/types.h>

#define __GFP_DIRECT_RECLAIM	((gfp_t)0x0001u)	/* may sleep to reclaim */
#define __GFP_KSWAPD_RECLAIM	((gfp_t)0x0002u)	/* may wake kswapd */
#define __GFP_IO		((gfp_t)0x0004u)	/* may start I/O */
#define __GFP_FS		((gfp_t)0x0008u)	/* may call into filesystems */
#define __GFP_HIGH		((gfp_t)0x0010u)	/* may use emergency reserves */
#define __GFP_ZERO		((gfp_t)0x0020u)	/* return zeroed memory */
#define __GFP_NOWARN		((gfp_t)0x0040u)	/* no failure report */
#define __GFP_HARDWALL		((gfp_t)0x0080u)	/* obey cpuset limits */
#define __GFP_ACCOUNT		((gfp_t)0x0100u)	/* charge to the memcg */
#define __GFP_NOFAIL		((gfp_t)0x0200u)	/* retry forever */
#define __GFP_NORETRY		((gfp_t)0x0400u)	/* give up early */
#define __GFP_RETRY_MAYFAIL	((gfp_t)0x0800u)	/* retry, but may fail */

#define __GFP_RECLAIM		(__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM)

#define GFP_ATOMIC		(__GFP_HIGH | __GFP_KSWAPD_RECLAIM)
#define GFP_NOWAIT		(__GFP_KSWAPD_RECLAIM)
#define GFP_NOIO		(__GFP_RECLAIM)
#define GFP_NOFS		(__GFP_RECLAIM | __GFP_IO)
#define GFP_KERNEL		(__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_KERNEL_ACCOUNT	(GFP_KERNEL | __GFP_ACCOUNT)
#define GFP_USER		(__GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL)

/* True if an allocation with @gfp_flags may sleep. */
static inline bool gfpflags_allow_blocking(gfp_t gfp_flags)
{
	return !!(gfp_flags & __GFP_DIRECT_RECLAIM);
}

#endif /* _LINUX_GFP_H */
