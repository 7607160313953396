/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the speaker target module and its livepatches share: the "hall"
 * whose doors a work item keeps blocked.
 */
#ifndef SPEAKER_H
#define SPEAKER_H

#include <linux/workqueue.h>

typedef void (*hold_doors_fn)(void);

/**
 * struct hall - the place of the show
 * @block_doors_work:	the work item that blocks the doors
 * @do_block_doors:	what it runs; reached through this pointer so that
 *			the compiler cannot fold it into the work function
 */
struct hall {
	struct work_struct block_doors_work;
	hold_doors_fn do_block_doors;
};

#endif /* SPEAKER_H */
