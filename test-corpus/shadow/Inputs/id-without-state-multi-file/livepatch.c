/* The livepatch's patch and shadow calls; its states are in states.c. */
#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#include "ids.h"

extern struct klp_state conn_states[];

static void *patched_conn_open(void *conn)
{
	void *stats = klp_shadow_get_or_alloc(conn, SV_CONN_STATS, 64, GFP_KERNEL, NULL, NULL);

	if (!klp_shadow_get(conn, SV_CONN_FLAGS))
		klp_shadow_alloc(conn, SV_CONN_FLAGS, 4, GFP_KERNEL, NULL, NULL);
	return stats;
}

static struct klp_func funcs[] = {
	{ .old_name = "conn_open", .new_func = patched_conn_open },
	{}
};
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = conn_states,
};

static int livepatch_init(void)
{
	return klp_enable_patch(&patch);
}

module_init(livepatch_init);
// SPDX-License-Identifier: GPL-2.0-only
