// Shadow constructors and destructors run with klp_shadow_lock held and
// interrupts off (docs/semantics.md#context-rules, docs/semantics.md#rule-shadow-ctor-dtor-sleeps): a call that may
// sleep there is an error. conn_ctor, the constructor passed to
// klp_shadow_get_or_alloc(), sleeps; conn_dtor, the state's shadow_dtor,
// takes a mutex: state callbacks may sleep, but shadow_dtor runs under the
// lock when the core frees the state's variables. Each finding is at the
// sleeping call, with a note where the function is handed to the core.
// Proof of findings: the battery's call of track_conn runs conn_ctor, the
// disable runs conn_dtor, and the reference core reports "sleeping function
// called from invalid context" inside each.
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp

#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/mutex.h>

#define SV_CONN 1

static DEFINE_MUTEX(conn_lock);
static int conn_count;

struct conn_extra {
	int seq;
};

static int conn_ctor(void *obj, void *shadow_data, void *ctor_data)
{
	struct conn_extra *x = shadow_data;

	msleep(1); // klp-error {{shadow constructor 'conn_ctor' may sleep: it calls msleep(); the core runs shadow constructors and destructors with klp_shadow_lock held and interrupts off, where sleeping is a bug [shadow-ctor-dtor-sleeps]}}
	x->seq = ++conn_count;
	return 0;
}

static void conn_dtor(void *obj, void *shadow_data)
{
	mutex_lock(&conn_lock); // klp-error {{shadow destructor 'conn_dtor' may sleep: it calls mutex_lock()}}
	conn_count--;
	mutex_unlock(&conn_lock);
}

// PROOF: call track_conn(&klp_sim_knobs)
static int track_conn(void *conn)
{
	struct conn_extra *x = klp_shadow_get_or_alloc(conn, SV_CONN, sizeof(*x), GFP_ATOMIC, conn_ctor, NULL); // klp-note {{'conn_ctor' is passed as the constructor to klp_shadow_get_or_alloc() here}}

	return x ? x->seq : -ENOMEM;
}

static struct klp_func funcs[] = { { .old_name = "track_conn", .new_func = track_conn }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_CONN, .is_shadow = true, .callbacks = { .shadow_dtor = conn_dtor } }, // klp-note {{'conn_dtor' is the shadow_dtor of state 'SV_CONN' (1) here}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
