// Frees reached through a helper that only the state's callbacks call, and
// through a macro (docs/semantics.md#rule-shadow-free-in-state-callback: "or in code
// reachable only from its callbacks"). Ids are enumerators. SV_CONN's
// post_unpatch reaches the free through drop_conns(), which passes another
// destructor than the state's shadow_dtor: a warning. SV_ROUTE's
// post_unpatch frees with the state's own destructor: the same free the core
// does right after, a note. SV_ROUTE's pre_patch frees whatever variables
// of the id exist while the state is introduced: a note.
// RUN: %klp-lint --checks=-*,shadow-free-in-state-callback %s -- %api-c -Xclang -verify=klp
// PROOF: call open_conn(&klp_sim_knobs)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

enum conn_ids {
	SV_CONN = 0x120,
	SV_ROUTE,
};

#define FORGET_ROUTES(dtor) klp_shadow_free_all(SV_ROUTE, dtor)

static void conn_dtor(void *obj, void *shadow_data)
{
}

static void conn_quiet_dtor(void *obj, void *shadow_data)
{
}

static void route_dtor(void *obj, void *shadow_data)
{
}

static void drop_conns(void)
{
	klp_shadow_free_all(SV_CONN, conn_quiet_dtor); // klp-warning {{shadow variables of is_shadow state 'SV_CONN' (288) are freed by hand by klp_shadow_free_all() in code only its post_unpatch callback 'conn_post_unpatch' reaches (call chain: 'conn_post_unpatch' -> 'drop_conns'); the core frees them itself right after post_unpatch, with the state's shadow_dtor: the core's free then finds nothing, so the state's shadow_dtor 'conn_dtor' never runs for them (this call passes 'conn_quiet_dtor')}}
}

static void conn_post_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	drop_conns();
}

static int route_pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	FORGET_ROUTES(route_dtor); // klp-note {{shadow variables of is_shadow state 'SV_ROUTE' (289) are freed by hand by klp_shadow_free_all() in its pre_patch callback 'route_pre_patch'; the core frees them itself right after post_unpatch, with the state's shadow_dtor: here they are freed while the state is being introduced, whoever allocated them}}
	return 0;
}

static void route_post_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	FORGET_ROUTES(route_dtor); // klp-note {{shadow variables of is_shadow state 'SV_ROUTE' (289) are freed by hand by klp_shadow_free_all() in its post_unpatch callback 'route_post_unpatch'; the core frees them itself right after post_unpatch, with the state's shadow_dtor: this does what the core's free does right after post_unpatch; drop it}}
}

static int open_conn(void *obj)
{
	klp_shadow_get_or_alloc(obj, SV_ROUTE, 8, GFP_ATOMIC, NULL, NULL);
	return klp_shadow_get_or_alloc(obj, SV_CONN, 8, GFP_ATOMIC, NULL, NULL) ? 0 : -ENOMEM;
}

static struct klp_func funcs[] = { { .old_name = "open_conn", .new_func = open_conn }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_CONN, .is_shadow = true, // klp-note {{state 'SV_CONN' (288) is declared here with is_shadow}}
	  .callbacks = { .post_unpatch = conn_post_unpatch, .shadow_dtor = conn_dtor } },
	{ .id = SV_ROUTE, .is_shadow = true, // klp-note 2 {{state 'SV_ROUTE' (289) is declared here with is_shadow}}
	  .callbacks = { .pre_patch = route_pre_patch, .post_unpatch = route_post_unpatch,
			 .shadow_dtor = route_dtor } },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
