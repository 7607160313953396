#define ID_WITH_STATE	1
#define ID_ORPHAN	2
void *track(void *obj);
/* SPDX-License-Identifier: GPL-2.0-only */
