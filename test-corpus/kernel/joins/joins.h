/* Shared by both files: the ids, and what joins-shadow.c allocates. */
#ifndef JOINS_H
#define JOINS_H

#define JOINS_STATE	1
#define JOINS_ORPHAN	2

/* The test rewrites this line to ((void *)0). */
#define JOINS_ORPHAN_ALLOC(obj) klp_shadow_alloc(obj, JOINS_ORPHAN, sizeof(long), GFP_KERNEL, NULL, NULL)

void *joins_track(void *obj);
void *joins_orphan(void *obj);

#endif
/* SPDX-License-Identifier: GPL-2.0-only */
