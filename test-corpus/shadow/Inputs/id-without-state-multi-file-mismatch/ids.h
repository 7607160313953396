/* Shadow and state ids shared by the files of this livepatch module. */
#ifndef MISMATCH_IDS_H
#define MISMATCH_IDS_H

#define SV_SOCK_STATS 0x601
#define SV_SOCK_MARK 0x602
#define SV_SOCK_QUEUE 0x603

#endif
/* SPDX-License-Identifier: GPL-2.0-only */
