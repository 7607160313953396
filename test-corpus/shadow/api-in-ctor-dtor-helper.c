// The shadow API reached from a destructor through same-TU helpers and a
// macro (docs/semantics.md#rule-shadow-api-in-ctor-dtor): link_dtor calls
// unlink_peer(), which expands DROP_PEER() to klp_shadow_free_all(); the
// finding is at that call, with the call chain. The chain through
// four helpers (deep_dtor) is one call past the default MaxDepth of 3 and
// is reported only with MaxDepth=4 (prefix deep). Ids are enumerators.
// The proof of findings takes the first RUN line: with MaxDepth=4, every
// destructor that deadlocks in the reference core is flagged.
// RUN: %klp-lint --check-option=shadow-api-in-ctor-dtor.MaxDepth=4 %s -- %api-c -Xclang -verify=deep
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp
// PROOF: call make_link(&klp_sim_knobs)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

enum link_ids {
	SV_LINK = 0x40,
	SV_PEER,
	SV_DEEP,
};

#define DROP_PEER() klp_shadow_free_all(SV_PEER, NULL)

static void unlink_peer(void)
{
	DROP_PEER(); // klp-error {{shadow destructor 'link_dtor' calls klp_shadow_free_all() (call chain: 'link_dtor' -> 'unlink_peer'), which takes klp_shadow_lock}} deep-error {{shadow destructor 'link_dtor' calls klp_shadow_free_all() (call chain: 'link_dtor' -> 'unlink_peer')}}
}

static void link_dtor(void *obj, void *shadow_data)
{
	unlink_peer();
}

static void level4(void *obj)
{
	klp_shadow_free(obj, SV_PEER, NULL); // deep-error {{shadow destructor 'deep_dtor' calls klp_shadow_free() (call chain: 'deep_dtor' -> 'level1' -> 'level2' -> 'level3' -> 'level4')}}
}

static void level3(void *obj)
{
	level4(obj);
}

static void level2(void *obj)
{
	level3(obj);
}

static void level1(void *obj)
{
	level2(obj);
}

static void deep_dtor(void *obj, void *shadow_data)
{
	level1(obj);
}

static int make_link(void *obj)
{
	klp_shadow_alloc(obj, SV_PEER, 8, GFP_ATOMIC, NULL, NULL);
	klp_shadow_alloc(obj, SV_DEEP, 8, GFP_ATOMIC, NULL, NULL);
	return klp_shadow_get_or_alloc(obj, SV_LINK, 8, GFP_ATOMIC, NULL, NULL) ? 0 : -ENOMEM;
}

static struct klp_func funcs[] = { { .old_name = "make_link", .new_func = make_link }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_LINK, .is_shadow = true, .callbacks = { .shadow_dtor = link_dtor } }, // klp-note {{'link_dtor' is the shadow_dtor of state 'SV_LINK' (64) here}} deep-note {{'link_dtor' is the shadow_dtor of state 'SV_LINK' (64) here}}
	{ .id = SV_PEER, .is_shadow = true },
	{ .id = SV_DEEP, .is_shadow = true, .callbacks = { .shadow_dtor = deep_dtor } }, // deep-note {{'deep_dtor' is the shadow_dtor of state 'SV_DEEP' (66) here}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
