/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmalloc() and friends for the klp-lint user-space kernel headers; they are
 * declared in <linux/slab.h> with the other allocators.
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/slab.h>

#endif /* _LINUX_VMALLOC_H */
