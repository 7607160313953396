/* Stands in for kbuild's generated <module>.mod.c. */
int lp_mod_placeholder;
// SPDX-License-Identifier: GPL-2.0-only
