/* Another translation unit of the same module with its own static "patch". */
static int patch[50] = { 1, 2, 3 };
int *other_unit_data(void) { return patch; }
// SPDX-License-Identifier: GPL-2.0-only
