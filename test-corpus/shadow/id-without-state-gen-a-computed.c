// Generation A: the module exit frees shadow variables in a loop over an
// array of ids, so the id of its one klp_shadow_free_all() is computed at
// run time and may be any of them. klp-lint cannot tell which ids it frees,
// so it reports none as never freed (cannot decide is silence); each id
// gets the migration note, saying that it may be freed there.
// RUN: %klp-lint %s -- %api-a -Xclang -verify=klp
// PROOF: call patched_track(&klp_sim_knobs)

#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_TASK 0x50 // klp-note {{id 'SV_TASK' is defined here}}
#define SV_FILE 0x51 // klp-note {{id 'SV_FILE' is defined here}}

static const unsigned long shadow_ids[] = { SV_TASK, SV_FILE };

static void patched_track(void *obj)
{
	klp_shadow_alloc(obj, SV_TASK, 8, GFP_KERNEL, NULL, NULL); // klp-note {{shadow variable id 'SV_TASK' (80) may be freed by hand when the patch is disabled (from module exit 'lp_exit', with an id computed at run time); needs migration to an is_shadow state: with per-state callbacks, a struct klp_state with this id and is_shadow frees these variables when the state is removed, also when a replace drops it [shadow-id-without-state]}}
	klp_shadow_alloc(obj, SV_FILE, 8, GFP_KERNEL, NULL, NULL); // klp-note {{shadow variable id 'SV_FILE' (81) may be freed by hand when the patch is disabled (from module exit 'lp_exit', with an id computed at run time); needs migration to an is_shadow state}}
}

static struct klp_func funcs[] = { { .old_name = "orig_track", .new_func = patched_track }, {} };
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
	for (unsigned int i = 0; i < ARRAY_SIZE(shadow_ids); i++)
		klp_shadow_free_all(shadow_ids[i], NULL); // klp-note 2 {{freed here by klp_shadow_free_all()}}
}

module_init(lp_init);
module_exit(lp_exit);
// SPDX-License-Identifier: GPL-2.0-only
