// Generation B (POC) spellings: the state's callbacks are setup/release,
// and its shadow_dtor (same role as C's) calls klp_shadow_free_all() for a
// companion id; the constructor passed to klp_shadow_alloc() through a cast
// to the typedef is the same function and is followed as well (docs/semantics.md#rules-shadow
// shadow-api-in-ctor-dtor; docs/semantics.md#role-mapping: B spellings map to the C roles).
// RUN: %klp-lint --checks=-*,shadow-api-in-ctor-dtor %s -- %api-b -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_REQ 0x60
#define SV_REQ_TAG 0x61

static int req_ctor(void *obj, void *shadow_data, void *ctor_data)
{
	return klp_shadow_get_or_alloc(obj, SV_REQ_TAG, 4, GFP_ATOMIC, NULL, NULL) ? 0 : -ENOMEM; // klp-error {{shadow constructor 'req_ctor' calls klp_shadow_get_or_alloc(), which takes klp_shadow_lock}}
}

static void req_dtor(void *obj, void *shadow_data)
{
	klp_shadow_free_all(SV_REQ_TAG, NULL); // klp-error {{shadow destructor 'req_dtor' calls klp_shadow_free_all(), which takes klp_shadow_lock}}
}

static int req_setup(struct klp_patch *patch, struct klp_state *state)
{
	return 0;
}

static void req_release(struct klp_patch *patch, struct klp_state *state)
{
}

static int track_req(void *req)
{
	return klp_shadow_alloc(req, SV_REQ, 8, GFP_ATOMIC, (klp_shadow_ctor_t)req_ctor, NULL) ? 0 : -ENOMEM; // klp-note {{'req_ctor' is passed as the constructor to klp_shadow_alloc() here}}
}

static struct klp_func funcs[] = { { .old_name = "track_req", .new_func = track_req }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_REQ, .is_shadow = true,
	  .callbacks = { .setup = req_setup, .release = req_release, .shadow_dtor = req_dtor } }, // klp-note {{'req_dtor' is the shadow_dtor of state 'SV_REQ' (96) here}}
	{ .id = SV_REQ_TAG, .is_shadow = true },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
