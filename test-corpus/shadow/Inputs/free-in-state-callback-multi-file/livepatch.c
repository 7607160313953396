/* The patch, its state and the patched code; the state's post_unpatch is in teardown.c. */
#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#include "ids.h"

void flow_teardown(struct klp_patch *patch, struct klp_state *state);

static void flow_dtor(void *obj, void *shadow_data)
{
}

static int open_flow(void *obj)
{
	return klp_shadow_get_or_alloc(obj, SV_FLOW, 8, GFP_ATOMIC, NULL, NULL) ? 0 : -ENOMEM;
}

static struct klp_func funcs[] = { { .old_name = "open_flow", .new_func = open_flow }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_FLOW, .is_shadow = true,
	  .callbacks = { .post_unpatch = flow_teardown, .shadow_dtor = flow_dtor } },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
