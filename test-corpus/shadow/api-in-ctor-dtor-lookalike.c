// Look-alikes of shadow-api-in-ctor-dtor that must stay silent:
// - cache_ops has members named ctor and shadow_dtor, but it is no
//   klp_state: its functions are not run under klp_shadow_lock, so
//   cache_drop may call klp_shadow_free_all();
// - stat_ctor, a real constructor, only calls klp_shadow_get(), which is
//   lockless;
// - the state's pre_unpatch and post_unpatch may use the whole API (state
//   callbacks run under klp_mutex, not klp_shadow_lock);
// - note_dtor mentions klp_shadow_free() only in a comment, and its
//   disabled branch (#if 0) is not compiled;
// - a destructor that queues work (the work runs later, without the lock)
//   does not reach the API through the work function.
// RUN: %klp-lint --checks=-*,shadow-api-in-ctor-dtor %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics
// PROOF: call open_stat(&klp_sim_knobs)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/workqueue.h>

#define SV_STAT 0x70
#define SV_STAT_PEER 0x71

struct cache_ops {
	int (*ctor)(void *obj, void *data, void *arg);
	void (*shadow_dtor)(void *obj, void *data);
};

static int cache_fill(void *obj, void *data, void *arg)
{
	return klp_shadow_alloc(obj, SV_STAT_PEER, 4, GFP_ATOMIC, NULL, NULL) ? 0 : -ENOMEM;
}

static void cache_drop(void *obj, void *data)
{
	klp_shadow_free_all(SV_STAT_PEER, NULL);
}

static struct cache_ops stat_cache_ops __used = {
	.ctor = cache_fill,
	.shadow_dtor = cache_drop,
};

static void drop_peers(struct work_struct *work)
{
	klp_shadow_free_all(SV_STAT_PEER, NULL);
}

static DECLARE_WORK(drop_work, drop_peers);

static int stat_ctor(void *obj, void *shadow_data, void *ctor_data)
{
	long *peer = klp_shadow_get(obj, SV_STAT_PEER);

	*(long *)shadow_data = peer ? *peer : 0;
	return 0;
}

static void note_dtor(void *obj, void *shadow_data)
{
	/* Never klp_shadow_free() here: the lock is held. */
#if 0
	klp_shadow_free(obj, SV_STAT_PEER, NULL);
#endif
	schedule_work(&drop_work);
}

static int open_stat(void *obj)
{
	return klp_shadow_get_or_alloc(obj, SV_STAT, sizeof(long), GFP_ATOMIC, stat_ctor, NULL) ? 0 : -ENOMEM;
}

static void stat_pre_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	klp_shadow_free_all(SV_STAT_PEER, NULL);
}

static struct klp_func funcs[] = { { .old_name = "open_stat", .new_func = open_stat }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_STAT, .is_shadow = true,
	  .callbacks = { .pre_unpatch = stat_pre_unpatch, .shadow_dtor = note_dtor } },
	{ .id = SV_STAT_PEER, .is_shadow = true },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
