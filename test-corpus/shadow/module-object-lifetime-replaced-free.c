// shadow-module-object-lifetime with a free in a replacement function of the
// same object (the shape of samples/livepatch/livepatch-shadow-fix1.c and
// fix2.c, which replace the target module's dummy_free()): the target's own
// teardown of its objects (its exit path calls t_obj_release()) runs the
// replacement, which frees the variables of SV_FREED as the objects go, so
// that id stays silent, also when the free is in a helper of the
// replacement. SV_ELSEWHERE stays flagged: its only free is in the
// replacement of a vmlinux function, which t's teardown never calls.
// Proof of findings: the battery loads t, runs its patched t_obj_func,
// unloads t (t_exit -> patched t_obj_release frees SV_FREED's variable):
// only SV_ELSEWHERE's variable is still listed.
// RUN: %klp-lint --checks=-*,shadow-module-object-lifetime %s -- %api-c -Xclang -verify=klp
// PROOF: target t.so as t
// PROOF: call t:t_obj_func(*t:t_obj)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/slab.h>

#define SV_FREED 0x176
#define SV_ELSEWHERE 0x177

static int livepatch_t_obj_func(void *obj)
{
	int *hits = klp_shadow_get_or_alloc(obj, SV_FREED, sizeof(*hits), GFP_ATOMIC, NULL, NULL);
	int *other = klp_shadow_get_or_alloc(obj, SV_ELSEWHERE, sizeof(*other), GFP_ATOMIC, NULL, NULL); // klp-warning {{shadow variable id 'SV_ELSEWHERE' (375) allocated by klp_shadow_get_or_alloc() in 'livepatch_t_obj_func'}}

	if (!hits || !other)
		return -ENOMEM;
	return ++*hits + ++*other > 0 ? 0 : -EINVAL;
}

static void forget_hits(void *obj)
{
	klp_shadow_free(obj, SV_FREED, NULL);
}

/* Replaces t_obj_release(), which t's exit path calls for its object. */
static void livepatch_t_obj_release(void *obj)
{
	forget_hits(obj);
	kfree(obj);
}

/* Replaces a vmlinux function: t's teardown never runs it. */
static void livepatch_core_release(void *obj)
{
	klp_shadow_free(obj, SV_ELSEWHERE, NULL);
}

static struct klp_func t_funcs[] = {
	{ .old_name = "t_obj_func", .new_func = livepatch_t_obj_func },
	{ .old_name = "t_obj_release", .new_func = livepatch_t_obj_release },
	{}
};

static struct klp_func core_funcs[] = {
	{ .old_name = "core_release", .new_func = livepatch_core_release },
	{}
};

static struct klp_object objs[] = {
	{ .funcs = core_funcs },
	{ .name = "t", .funcs = t_funcs }, // klp-note {{object 't' is declared here}}
	{}
};

static struct klp_state states[] = {
	{ .id = SV_FREED, .is_shadow = true },
	{ .id = SV_ELSEWHERE, .is_shadow = true },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
