// Look-alikes of shadow-ctor-dtor-sleeps that must stay silent:
// - quick_ctor allocates with GFP_ATOMIC, takes the mutex with
//   mutex_trylock() (never sleeps) and defers the slow part with
//   schedule_work(): the work function may sleep, it runs later, in a
//   worker, without klp_shadow_lock;
// - the state's pre_unpatch and post_unpatch sleep: state callbacks run
//   under klp_mutex and may sleep (only shadow_dtor runs under the lock);
// - quick_dtor names msleep() only in a comment, and its msleep() under
//   #if 0 is not compiled;
// - the sleeping function cast to the destructor type is stored in an
//   unrelated table, never passed to the core.
// RUN: %klp-lint --checks=-*,shadow-ctor-dtor-sleeps %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics
// PROOF: call open_quick(&klp_sim_knobs)

#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#define SV_QUICK 0xa0

static DEFINE_MUTEX(quick_lock);
static int quick_count;

static void slow_part(struct work_struct *work)
{
	msleep(1);
	mutex_lock(&quick_lock);
	quick_count++;
	mutex_unlock(&quick_lock);
}

static DECLARE_WORK(quick_work, slow_part);

static int quick_ctor(void *obj, void *shadow_data, void *ctor_data)
{
	void **buf = shadow_data;

	*buf = kmalloc(16, GFP_ATOMIC);
	if (mutex_trylock(&quick_lock)) {
		quick_count++;
		mutex_unlock(&quick_lock);
	}
	schedule_work(&quick_work);
	return 0;
}

static void quick_dtor(void *obj, void *shadow_data)
{
	/* No msleep() here: this runs under klp_shadow_lock. */
#if 0
	msleep(1);
#endif
	kfree(*(void **)shadow_data);
}

static void sleepy(void *obj, void *data)
{
	msleep(1);
}

typedef void (*cleanup_fn)(void *obj, void *data);
static cleanup_fn cleanup_table[] __used = { (cleanup_fn)sleepy };

static void quick_pre_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	flush_work(&quick_work);
}

static void quick_post_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	msleep(1);
}

static int open_quick(void *obj)
{
	return klp_shadow_get_or_alloc(obj, SV_QUICK, sizeof(void *), GFP_ATOMIC, quick_ctor, NULL) ? 0 : -ENOMEM;
}

static struct klp_func funcs[] = { { .old_name = "open_quick", .new_func = open_quick }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_QUICK, .is_shadow = true,
	  .callbacks = { .pre_unpatch = quick_pre_unpatch, .post_unpatch = quick_post_unpatch,
			 .shadow_dtor = quick_dtor } },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
