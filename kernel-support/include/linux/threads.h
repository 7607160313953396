/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * CPU count limit for the klp-lint user-space kernel headers.
 */
#ifndef _LINUX_THREADS_H
#define _LINUX_THREADS_H

/* A kernel build takes this from Kconfig; pass -DCONFIG_NR_CPUS=n to change. */
#ifndef CONFIG_NR_CPUS
#define CONFIG_NR_CPUS	64
#endif
#define NR_CPUS		CONFIG_NR_CPUS

#endif /* _LINUX_THREADS_H */
