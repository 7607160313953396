/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The consistency model: moving every task from one patch state to the
 * other before a transition completes.
 */
#ifndef _LIVEPATCH_TRANSITION_H
#define _LIVEPATCH_TRANSITION_H

#include <linux/livepatch.h>

extern struct klp_patch *klp_transition_patch;

void klp_init_transition(struct klp_patch *patch, int state);
void klp_cancel_transition(void);
void klp_start_transition(void);
bool klp_try_complete_transition(void);
void klp_reverse_transition(void);
void klp_force_transition(void);

#endif /* _LIVEPATCH_TRANSITION_H */
