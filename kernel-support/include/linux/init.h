/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Init/exit annotations for the klp-lint user-space kernel headers.
 *
 * A kernel build moves such code and data into sections that are freed after
 * boot or module load.  The user-space model keeps everything resident, so
 * the annotations are empty.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

#define __init
#define __exit
#define __initdata
#define __exitdata
#define __initconst
#define __ref
#define __refdata

/* Module entry points, as registered by module_init() and module_exit(). */
typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

#endif /* _LINUX_INIT_H */
