/* Shadow and state ids shared by the files of this livepatch module. */
#ifndef MULTI_FILE_IDS_H
#define MULTI_FILE_IDS_H

#define SV_CONN_STATS 0x501
#define SV_CONN_FLAGS 0x502

#endif
/* SPDX-License-Identifier: GPL-2.0-only */
