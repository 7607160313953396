// Generation A: shadow variables freed by per-object unpatch callbacks. A
// disable runs every object's pre_unpatch and post_unpatch
// (docs/semantics.md#generation-a-semantics), so an id freed there is not
// left allocated: SV_CONN by a pre_unpatch set in the object's
// initializer, SV_SOCK by a same-file callee of a post_unpatch assigned in
// module init. Each gets the migration note at its allocation. SV_PEER is
// freed by the object's pre_patch, which a disable does not run: a warning.
// (What an atomic replace leaves, since it runs none of these callbacks, is
// callbacks-per-object's finding.)
// RUN: %klp-lint --checks=-callbacks-* %s -- %api-a -Xclang -verify=klp
// PROOF: call patched_connect(&klp_sim_knobs)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_CONN 0x10 // klp-note {{id 'SV_CONN' is defined here}}
#define SV_SOCK 0x11 // klp-note {{id 'SV_SOCK' is defined here}}
#define SV_PEER 0x12 // klp-note {{id 'SV_PEER' is defined here}}

static void *patched_connect(void *obj)
{
	klp_shadow_alloc(obj, SV_CONN, 8, GFP_KERNEL, NULL, NULL); // klp-note {{shadow variable id 'SV_CONN' (16) is freed by hand when the patch is disabled (from per-object pre_unpatch callback 'conn_pre_unpatch'); needs migration to an is_shadow state}}
	klp_shadow_alloc(obj, SV_SOCK, 8, GFP_KERNEL, NULL, NULL); // klp-note {{shadow variable id 'SV_SOCK' (17) is freed by hand when the patch is disabled (from per-object post_unpatch callback 'conn_post_unpatch'); needs migration to an is_shadow state}}
	return klp_shadow_alloc(obj, SV_PEER, 8, GFP_KERNEL, NULL, NULL); // klp-warning {{shadow variable id 'SV_PEER' (18) allocated by klp_shadow_alloc() is never freed when the patch is disabled}}
}

static int conn_pre_patch(struct klp_object *obj)
{
	klp_shadow_free_all(SV_PEER, NULL);
	return 0;
}

static void conn_pre_unpatch(struct klp_object *obj)
{
	klp_shadow_free_all(SV_CONN, NULL); // klp-note {{freed here by klp_shadow_free_all()}}
}

static void drop_sockets(void)
{
	klp_shadow_free_all(SV_SOCK, NULL); // klp-note {{freed here by klp_shadow_free_all()}}
}

static void conn_post_unpatch(struct klp_object *obj)
{
	drop_sockets();
}

static struct klp_func funcs[] = { { .old_name = "orig_connect", .new_func = patched_connect }, {} };
static struct klp_object objs[] = {
	{
		.funcs = funcs,
		.callbacks = {
			.pre_patch = conn_pre_patch,
			.pre_unpatch = conn_pre_unpatch,
		},
	},
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static int lp_init(void)
{
	objs[0].callbacks.post_unpatch = conn_post_unpatch;
	return klp_enable_patch(&patch);
}

module_init(lp_init);
// SPDX-License-Identifier: GPL-2.0-only
