// callbacks-pre-patch-no-rollback: memory kept in a variable of the
// module's own. Writing the module's variable is no side effect (the failed
// insmod unloads it), but the memory it points to outlives the module: the
// pre_patch fails while the cache is still allocated. Freeing it through the
// same variable on the other error path is the undo, so that path stays
// silent. When the battery runs knob 16 is 0: the enable fails and the
// reference core's final report lists the 32 bytes as allocated by a
// module that is gone.
// RUN: %klp-lint --checks=-*,callbacks-pre-patch-no-rollback %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/slab.h>

#define CACHE_STATE 16

extern int klp_sim_knobs[];

static char *cache;

static int cache_pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	cache = kmalloc(32, GFP_KERNEL); // klp-note {{kmalloc() is here}}
	if (!cache)
		return -ENOMEM;
	if (klp_sim_knobs[CACHE_STATE] < 0) {
		kfree(cache);
		cache = NULL;
		return -EINVAL;
	}
	if (klp_sim_knobs[CACHE_STATE] == 0)
		return -ENODEV; // klp-warning {{state 'CACHE_STATE' (16): pre_patch callback 'cache_pre_patch' returns an error here without undoing kmalloc() (line 23)}}
	return 0;
}

static void cache_post_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	kfree(cache);
	cache = NULL;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };

static struct klp_state states[] = {
	{ .id = CACHE_STATE, .callbacks = { .pre_patch = cache_pre_patch, .post_unpatch = cache_post_unpatch } },
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
