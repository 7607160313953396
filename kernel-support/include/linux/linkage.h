/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef _LINUX_LINKAGE_H
#define _LINUX_LINKAGE_H

/* The user-space model uses the normal C calling convention everywhere. */
#define asmlinkage
#define notrace

#endif /* _LINUX_LINKAGE_H */
