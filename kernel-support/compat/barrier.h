/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Memory barriers, as <asm/barrier.h> spells them.
 *
 * The model has one CPU and no concurrent callers, so no barrier is ever
 * needed for correctness; the core keeps them where the kernel has them so
 * that each pairing stays visible and documented.  They map to C11 fences,
 * which are what the kernel's barriers promise on every architecture.
 */
#ifndef _KLP_COMPAT_BARRIER_H
#define _KLP_COMPAT_BARRIER_H

#define smp_mb()	__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define smp_rmb()	__atomic_thread_fence(__ATOMIC_ACQUIRE)
#define smp_wmb()	__atomic_thread_fence(__ATOMIC_RELEASE)

#endif /* _KLP_COMPAT_BARRIER_H */
