// Generation A: shadow variables freed by the module's exit. A livepatch
// module can only be removed after its patch is disabled, so module exit is
// on the way of every disable (docs/semantics.md#rules-generation-a): an id
// freed there, directly (SV_LEAK, as samples/livepatch/livepatch-shadow-fix1.c
// does) or through a same-file callee and a helper taking the id
// (SV_CACHE), is not left allocated, and gets one note (at its first
// allocation) that a migration to per-state callbacks needs an is_shadow
// state for it. SV_STRAY is freed only by the patched code itself, which a
// disable does not run: a warning. SV_OLD is only read, and only gets the
// migration note.
// RUN: %klp-lint %s -- %api-a -Xclang -verify=klp
// PROOF: call patched_open(&klp_sim_knobs)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_LEAK 1 // klp-note {{id 'SV_LEAK' is defined here}}
#define SV_CACHE 2 // klp-note {{id 'SV_CACHE' is defined here}}
#define SV_STRAY 3 // klp-note {{id 'SV_STRAY' is defined here}}
#define SV_OLD 4 // klp-note {{id 'SV_OLD' is defined here}}

static void *patched_open(void *obj)
{
	void *p = klp_shadow_alloc(obj, SV_LEAK, 8, GFP_KERNEL, NULL, NULL); // klp-note {{shadow variable id 'SV_LEAK' (1) is freed by hand when the patch is disabled (from module exit 'lp_exit'); needs migration to an is_shadow state: with per-state callbacks, a struct klp_state with this id and is_shadow frees these variables when the state is removed, also when a replace drops it [shadow-id-without-state]}}

	klp_shadow_get_or_alloc(obj, SV_CACHE, 8, GFP_KERNEL, NULL, NULL); // klp-note {{shadow variable id 'SV_CACHE' (2) is freed by hand when the patch is disabled (from module exit 'lp_exit'); needs migration to an is_shadow state}}
	klp_shadow_alloc(obj, SV_STRAY, 8, GFP_KERNEL, NULL, NULL); // klp-warning {{shadow variable id 'SV_STRAY' (3) allocated by klp_shadow_alloc() is never freed when the patch is disabled}}
	if (klp_shadow_get(obj, SV_OLD)) // klp-note {{shadow variable id 'SV_OLD' (4) is only read or freed by this livepatch (here by klp_shadow_get()); needs migration to an is_shadow state}}
		return NULL;
	return p;
}

static void patched_close(void *obj)
{
	klp_shadow_free(obj, SV_STRAY, NULL);
}

static void drop_all(unsigned long id)
{
	klp_shadow_free_all(id, NULL);
}

static void drop_caches(void)
{
	drop_all(SV_CACHE); // klp-note {{freed here by klp_shadow_free_all()}}
}

static struct klp_func funcs[] = {
	{ .old_name = "orig_open", .new_func = patched_open },
	{ .old_name = "orig_close", .new_func = patched_close },
	{}
};
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static int lp_init(void)
{
	return klp_enable_patch(&patch);
}

static void lp_exit(void)
{
	klp_shadow_free_all(SV_LEAK, NULL); // klp-note {{freed here by klp_shadow_free_all()}}
	drop_caches();
}

module_init(lp_init);
module_exit(lp_exit);
// SPDX-License-Identifier: GPL-2.0-only
