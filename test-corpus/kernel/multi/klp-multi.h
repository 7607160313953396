/* Ids shared by both files of the module. */
#ifndef KLP_MULTI_H
#define KLP_MULTI_H

#define KLP_MULTI_STATE		1	/* has a state and is freed in klp-multi-main.c */
#define KLP_MULTI_ORPHAN	2	/* has neither: nothing frees it */

void *klp_multi_track(void *obj);
void *klp_multi_orphan(void *obj);

#endif
/* SPDX-License-Identifier: GPL-2.0-only */
