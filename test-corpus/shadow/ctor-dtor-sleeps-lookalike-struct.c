// More look-alikes of shadow-ctor-dtor-sleeps that must stay silent: the
// record type decides, not the member name. dev_ops has a shadow_dtor
// member, and pool_alloc() takes a constructor in the fifth argument like
// klp_shadow_alloc(); neither is the core's, so the functions stored or
// passed there (sleepy_release, sleepy_init) may sleep. A local variable
// named GFP_KERNEL-like (gfp_kernel_hint) is no allocation flag.
// RUN: %klp-lint --checks=-*,shadow-ctor-dtor-sleeps %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics
// PROOF: call use_dev(&klp_sim_knobs)

#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/mutex.h>

#define SV_DEV 0xa1

static DEFINE_MUTEX(dev_lock);

struct dev_ops {
	void (*shadow_dtor)(void *obj, void *data);
};

static void sleepy_release(void *obj, void *data)
{
	mutex_lock(&dev_lock);
	mutex_unlock(&dev_lock);
}

static const struct dev_ops my_dev_ops __used = { .shadow_dtor = sleepy_release };

static int sleepy_init(void *obj, void *data, void *arg)
{
	msleep(1);
	return 0;
}

static char dev_slot[8];

static void *pool_alloc(void *obj, unsigned long id, size_t size, gfp_t gfp,
			int (*ctor)(void *, void *, void *), void *arg)
{
	return ctor(obj, dev_slot, arg) ? NULL : dev_slot;
}

static int use_dev(void *obj)
{
	int gfp_kernel_hint = 1;

	if (!pool_alloc(obj, SV_DEV, 8, GFP_ATOMIC, sleepy_init, NULL))
		return -ENOMEM;
	return klp_shadow_get_or_alloc(obj, SV_DEV, 8, GFP_ATOMIC, NULL, NULL) ? gfp_kernel_hint : -ENOMEM;
}

static struct klp_func funcs[] = { { .old_name = "use_dev", .new_func = use_dev }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_DEV, .is_shadow = true },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
