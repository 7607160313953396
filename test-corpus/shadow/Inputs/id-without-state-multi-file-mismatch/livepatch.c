/* The livepatch's patch and states; the shadow calls are in sock.c. */
#include <linux/livepatch.h>
#include <linux/module.h>

#include "ids.h"

void *patched_sock_open(void *sock);

static struct klp_func funcs[] = {
	{ .old_name = "sock_open", .new_func = patched_sock_open },
	{}
};
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_SOCK_STATS, .is_shadow = true },
	{ .id = SV_SOCK_MARK },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static int livepatch_init(void)
{
	return klp_enable_patch(&patch);
}

module_init(livepatch_init);
// SPDX-License-Identifier: GPL-2.0-only
