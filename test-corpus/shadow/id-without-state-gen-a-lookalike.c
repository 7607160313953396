// Generation A: frees that look like a teardown but are on no path a
// disable takes, so each allocated id is still reported
// (docs/semantics.md#rules-generation-a): SV_INIT is freed in module init
// (before anything allocates it), SV_HELPER by a function named like an
// exit routine that module_exit() does not name, and SV_WRONG is allocated
// while the exit frees another id (SV_RIGHT, which only gets the migration
// note). Every warning is at the allocation.
// RUN: %klp-lint %s -- %api-a -Xclang -verify=klp
// PROOF: call patched_alloc(&klp_sim_knobs)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_INIT 0x30 // klp-note {{id 'SV_INIT' is defined here}}
#define SV_HELPER 0x31 // klp-note {{id 'SV_HELPER' is defined here}}
#define SV_WRONG 0x33 // klp-note {{id 'SV_WRONG' is defined here}}
#define SV_RIGHT 0x34 // klp-note {{id 'SV_RIGHT' is defined here}}

static void patched_alloc(void *obj)
{
	klp_shadow_alloc(obj, SV_INIT, 8, GFP_KERNEL, NULL, NULL); // klp-warning {{shadow variable id 'SV_INIT' (48) allocated by klp_shadow_alloc() is never freed when the patch is disabled}}
	klp_shadow_alloc(obj, SV_HELPER, 8, GFP_KERNEL, NULL, NULL); // klp-warning {{shadow variable id 'SV_HELPER' (49) allocated by klp_shadow_alloc() is never freed when the patch is disabled}}
	klp_shadow_alloc(obj, SV_WRONG, 8, GFP_KERNEL, NULL, NULL); // klp-warning {{shadow variable id 'SV_WRONG' (51) allocated by klp_shadow_alloc() is never freed when the patch is disabled}}
}

static void livepatch_cleanup(void)
{
	klp_shadow_free_all(SV_HELPER, NULL);
}

static struct klp_func funcs[] = { { .old_name = "orig_alloc", .new_func = patched_alloc }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static int lp_init(void)
{
	klp_shadow_free_all(SV_INIT, NULL);
	return klp_enable_patch(&patch);
}

static void lp_exit(void)
{
	klp_shadow_free_all(SV_RIGHT, NULL); // klp-note {{shadow variable id 'SV_RIGHT' (52) is freed by hand when the patch is disabled (from module exit 'lp_exit'); needs migration to an is_shadow state}} klp-note {{freed here by klp_shadow_free_all()}}
	(void)livepatch_cleanup;
}

module_init(lp_init);
module_exit(lp_exit);
// SPDX-License-Identifier: GPL-2.0-only
