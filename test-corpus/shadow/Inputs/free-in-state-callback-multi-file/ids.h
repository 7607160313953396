/* The ids the two files of the livepatch share. */
#define SV_FLOW 0x140
/* SPDX-License-Identifier: GPL-2.0-only */
