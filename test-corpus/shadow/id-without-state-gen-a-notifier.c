// Generation A: shadow variables freed by a module notifier. Variables
// attached to a target module's objects belong freed when that module goes
// (DER-12); a livepatch that does so in the notifier_call of a struct
// notifier_block it passes to register_module_notifier() frees them on its
// own, and docs/semantics.md#rules-generation-a counts that like a free on
// disable: SV_MODOBJ (notifier_call in the block's initializer) and
// SV_MODLIST (notifier_call assigned in module init, reached through a
// same-file callee) get the migration note only. SV_ORPHAN is freed by a
// notifier function that is never registered: a warning.
// RUN: %klp-lint %s -- %api-a -Xclang -verify=klp
//
// Proof of findings: the battery never removes a target module, so the
// variables of the two notifier ids would still be live after the disable;
// that they are not counted as a leak is the semantics page's rule, not
// something the battery can show, and patched_track (which allocates them)
// is not run. patched_orphan is.
// PROOF: call patched_orphan(&klp_sim_knobs)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/notifier.h>

#define SV_MODOBJ 0x20 // klp-note {{id 'SV_MODOBJ' is defined here}}
#define SV_MODLIST 0x21 // klp-note {{id 'SV_MODLIST' is defined here}}
#define SV_ORPHAN 0x22 // klp-note {{id 'SV_ORPHAN' is defined here}}

static void *patched_track(void *obj)
{
	klp_shadow_get_or_alloc(obj, SV_MODLIST, 8, GFP_KERNEL, NULL, NULL); // klp-note {{shadow variable id 'SV_MODLIST' (33) is freed by hand when the patch is disabled (from module notifier 'list_notify'); needs migration to an is_shadow state}}
	return klp_shadow_alloc(obj, SV_MODOBJ, 8, GFP_KERNEL, NULL, NULL); // klp-note {{shadow variable id 'SV_MODOBJ' (32) is freed by hand when the patch is disabled (from module notifier 'obj_notify'); needs migration to an is_shadow state}}
}

static void *patched_orphan(void *obj)
{
	return klp_shadow_alloc(obj, SV_ORPHAN, 8, GFP_KERNEL, NULL, NULL); // klp-warning {{shadow variable id 'SV_ORPHAN' (34) allocated by klp_shadow_alloc() is never freed when the patch is disabled}}
}

static int obj_notify(struct notifier_block *nb, unsigned long action, void *data)
{
	if (action == MODULE_STATE_GOING)
		klp_shadow_free_all(SV_MODOBJ, NULL); // klp-note {{freed here by klp_shadow_free_all()}}
	return NOTIFY_OK;
}

static void forget_list(void)
{
	klp_shadow_free_all(SV_MODLIST, NULL); // klp-note {{freed here by klp_shadow_free_all()}}
}

static int list_notify(struct notifier_block *nb, unsigned long action, void *data)
{
	if (action == MODULE_STATE_GOING)
		forget_list();
	return NOTIFY_OK;
}

/* Looks like the others, but nothing registers it. */
static int orphan_notify(struct notifier_block *nb, unsigned long action, void *data)
{
	klp_shadow_free_all(SV_ORPHAN, NULL);
	return NOTIFY_OK;
}

static struct notifier_block obj_nb = { .notifier_call = obj_notify };
static struct notifier_block list_nb;
static struct notifier_block orphan_nb = { .notifier_call = orphan_notify };

static struct klp_func funcs[] = {
	{ .old_name = "orig_track", .new_func = patched_track },
	{ .old_name = "orig_orphan", .new_func = patched_orphan },
	{}
};
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static int lp_init(void)
{
	int ret;

	list_nb.notifier_call = list_notify;
	ret = register_module_notifier(&obj_nb);
	if (!ret)
		ret = register_module_notifier(&list_nb);
	if (!ret)
		ret = klp_enable_patch(&patch);
	return ret;
}

static void lp_exit(void)
{
	unregister_module_notifier(&list_nb);
	unregister_module_notifier(&obj_nb);
	(void)orphan_nb;
}

module_init(lp_init);
module_exit(lp_exit);
// SPDX-License-Identifier: GPL-2.0-only
