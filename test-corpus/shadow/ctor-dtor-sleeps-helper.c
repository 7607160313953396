// Sleeping calls reached from a constructor and a destructor through
// same-TU helpers (docs/semantics.md#rule-shadow-ctor-dtor-sleeps, depth option
// MaxDepth, default 3). fill_ctor allocates with GFP_KERNEL in a helper;
// drop_dtor, passed to klp_shadow_free_all() by the state's pre_unpatch,
// reaches synchronize_rcu() two calls down. The fourth-level call of
// deep_dtor is reported only with MaxDepth=4 (prefix deep); the proof of
// findings takes the first RUN line, where every destructor the reference
// core catches sleeping is flagged.
// RUN: %klp-lint --checks=-*,shadow-ctor-dtor-sleeps --check-option=shadow-ctor-dtor-sleeps.MaxDepth=4 %s -- %api-c -Xclang -verify=deep
// RUN: %klp-lint --checks=-*,shadow-ctor-dtor-sleeps %s -- %api-c -Xclang -verify=klp
// PROOF: call fill(&klp_sim_knobs)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

enum fill_ids {
	SV_FILL = 0x80,
	SV_DEEP,
};

struct fill_extra {
	void *buf;
};

static void *grab_buffer(void)
{
	return kmalloc(32, GFP_KERNEL); // klp-error {{shadow constructor 'fill_ctor' may sleep: it allocates with GFP_KERNEL (call chain: 'fill_ctor' -> 'grab_buffer')}} deep-error {{shadow constructor 'fill_ctor' may sleep: it allocates with GFP_KERNEL}}
}

static int fill_ctor(void *obj, void *shadow_data, void *ctor_data)
{
	struct fill_extra *x = shadow_data;

	x->buf = grab_buffer();
	return x->buf ? 0 : -ENOMEM;
}

static void wait_readers(void)
{
	synchronize_rcu(); // klp-error {{shadow destructor 'drop_dtor' may sleep: it calls synchronize_rcu() (call chain: 'drop_dtor' -> 'release_buffer' -> 'wait_readers')}} deep-error {{shadow destructor 'drop_dtor' may sleep: it calls synchronize_rcu()}}
}

static void release_buffer(void *buf)
{
	wait_readers();
	kfree(buf);
}

static void drop_dtor(void *obj, void *shadow_data)
{
	struct fill_extra *x = shadow_data;

	release_buffer(x->buf);
}

static void level4(void)
{
	synchronize_rcu(); // deep-error {{shadow destructor 'deep_dtor' may sleep: it calls synchronize_rcu() (call chain: 'deep_dtor' -> 'level1' -> 'level2' -> 'level3' -> 'level4')}}
}

static void level3(void) { level4(); }
static void level2(void) { level3(); }
static void level1(void) { level2(); }

static void deep_dtor(void *obj, void *shadow_data)
{
	level1();
}

static int fill(void *obj)
{
	klp_shadow_alloc(obj, SV_DEEP, 8, GFP_ATOMIC, NULL, NULL);
	return klp_shadow_get_or_alloc(obj, SV_FILL, sizeof(struct fill_extra), GFP_ATOMIC, fill_ctor, NULL) ? 0 : -ENOMEM; // klp-note {{'fill_ctor' is passed as the constructor to klp_shadow_get_or_alloc() here}} deep-note {{'fill_ctor' is passed as the constructor}}
}

static void fill_pre_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	klp_shadow_free_all(SV_FILL, drop_dtor); // klp-note {{'drop_dtor' is passed as the destructor to klp_shadow_free_all() here}} deep-note {{'drop_dtor' is passed as the destructor}}
}

static struct klp_func funcs[] = { { .old_name = "fill", .new_func = fill }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_FILL, .is_shadow = true, .callbacks = { .pre_unpatch = fill_pre_unpatch } },
	{ .id = SV_DEEP, .is_shadow = true, .callbacks = { .shadow_dtor = deep_dtor } }, // deep-note {{'deep_dtor' is the shadow_dtor of state 'SV_DEEP' (129) here}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
