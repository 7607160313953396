// Shadow constructors and destructors run under klp_shadow_lock (docs/semantics.md#context-rules,
// docs/semantics.md#rule-shadow-api-in-ctor-dtor): calling the shadow API that takes the lock
// again is a self-deadlock with interrupts off. sess_ctor allocates a
// second variable for the same object; sess_dtor, the state's shadow_dtor,
// frees that one. klp_shadow_get() is lockless and stays silent.
// Proof of findings: the battery's call of open_sess runs sess_ctor, the
// disable runs sess_dtor, and the reference core reports recursive locking
// of klp_shadow_lock inside each.
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp
// PROOF: call open_sess(&klp_sim_knobs)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_SESS 0x30
#define SV_SESS_STATS 0x31

struct sess_extra {
	int flags;
};

static int sess_ctor(void *obj, void *shadow_data, void *ctor_data)
{
	struct sess_extra *x = shadow_data;

	if (klp_shadow_get(obj, SV_SESS_STATS))
		return 0;
	klp_shadow_alloc(obj, SV_SESS_STATS, sizeof(long), GFP_ATOMIC, NULL, NULL); // klp-error {{shadow constructor 'sess_ctor' calls klp_shadow_alloc(), which takes klp_shadow_lock; the core holds that lock while it runs shadow constructors and destructors, so this deadlocks with interrupts off (only klp_shadow_get() is lockless) [shadow-api-in-ctor-dtor]}}
	x->flags = 1;
	return 0;
}

static void sess_dtor(void *obj, void *shadow_data)
{
	klp_shadow_free(obj, SV_SESS_STATS, NULL); // klp-error {{shadow destructor 'sess_dtor' calls klp_shadow_free(), which takes klp_shadow_lock}}
}

static int open_sess(void *sess)
{
	struct sess_extra *x = klp_shadow_get_or_alloc(sess, SV_SESS, sizeof(*x), GFP_ATOMIC, sess_ctor, NULL); // klp-note {{'sess_ctor' is passed as the constructor to klp_shadow_get_or_alloc() here}}

	return x ? x->flags : -ENOMEM;
}

static struct klp_func funcs[] = { { .old_name = "open_sess", .new_func = open_sess }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_SESS, .is_shadow = true, .callbacks = { .shadow_dtor = sess_dtor } }, // klp-note {{'sess_dtor' is the shadow_dtor of state 'SV_SESS' (48) here}}
	{ .id = SV_SESS_STATS, .is_shadow = true },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
