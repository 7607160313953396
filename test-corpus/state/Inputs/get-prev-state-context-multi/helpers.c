// The second file of get-prev-state-context-multi.c's module.
#include <linux/livepatch.h>
#include <linux/module.h>

extern struct klp_patch fs_patch;

int fs_prev_level(unsigned long id)
{
	return klp_get_prev_state(id) ? 1 : 0;
}

static int fs_init(void)
{
	fs_prev_level(6);
	return klp_enable_patch(&fs_patch);
}
module_init(fs_init);
// SPDX-License-Identifier: GPL-2.0-only
