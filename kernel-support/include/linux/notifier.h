/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Notifier chains for the klp-lint user-space kernel headers.
 */
#ifndef _LINUX_NOTIFIER_H
#define _LINUX_NOTIFIER_H

#include <linux/types.h>

struct notifier_block;

typedef int (*notifier_fn_t)(struct notifier_block *nb, unsigned long action,
			     void *data);

/**
 * struct notifier_block - one callback on a notifier chain
 * @notifier_call: called with the event and its data; returns NOTIFY_*
 * @next: next block on the chain (owned by the chain)
 * @priority: blocks with a higher priority are called first
 */
struct notifier_block {
	notifier_fn_t notifier_call;
	struct notifier_block *next;
	int priority;
};

#define NOTIFY_DONE		0x0000		/* not interested */
#define NOTIFY_OK		0x0001		/* handled */
#define NOTIFY_STOP_MASK	0x8000		/* do not call further blocks */
#define NOTIFY_BAD		(NOTIFY_STOP_MASK | 0x0002)
#define NOTIFY_STOP		(NOTIFY_OK | NOTIFY_STOP_MASK)

#endif /* _LINUX_NOTIFIER_H */
