// More look-alikes of shadow-api-in-ctor-dtor that must stay silent: the
// module's own pool_alloc() and pool_free() take the same arguments as
// klp_shadow_alloc() and klp_shadow_free(), but only the core's functions
// run their constructor and destructor under klp_shadow_lock; the
// functions passed to them (refill, retire) may use the shadow API. A
// wrapper macro named like the core's (KLP_SHADOW_FREE) expands to the
// module's pool_free(), not to the core's.
// RUN: %klp-lint --checks=-*,shadow-api-in-ctor-dtor %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics
// PROOF: call use_pool(&klp_sim_knobs)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_POOL 0x72

typedef int (*pool_ctor_t)(void *obj, void *data, void *arg);
typedef void (*pool_dtor_t)(void *obj, void *data);

static char pool_slot[64];

static void *pool_alloc(void *obj, unsigned long id, size_t size, gfp_t gfp,
			pool_ctor_t ctor, void *arg)
{
	return ctor(obj, pool_slot, arg) ? NULL : pool_slot;
}

static void pool_free(void *obj, unsigned long id, pool_dtor_t dtor)
{
	dtor(obj, pool_slot);
}

#define KLP_SHADOW_FREE(obj, id, dtor) pool_free(obj, id, dtor)

static int refill(void *obj, void *data, void *arg)
{
	return klp_shadow_get_or_alloc(obj, SV_POOL, 8, GFP_ATOMIC, NULL, NULL) ? 0 : -ENOMEM;
}

static void retire(void *obj, void *data)
{
	klp_shadow_free(obj, SV_POOL, NULL);
}

static int use_pool(void *obj)
{
	if (!pool_alloc(obj, SV_POOL, 8, GFP_ATOMIC, refill, NULL))
		return -ENOMEM;
	KLP_SHADOW_FREE(obj, SV_POOL, retire);
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "use_pool", .new_func = use_pool }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_POOL, .is_shadow = true },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
