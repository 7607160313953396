// The livepatch of module-object-lifetime.c with a module notifier that
// frees the variables when t goes (docs/semantics.md#rule-shadow-module-object-lifetime:
// a livepatch that registers one is not reported). Proof of findings: after
// "unload t" no shadow variable of t's objects is left.
// RUN: %klp-lint --checks=-*,shadow-module-object-lifetime %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics
// PROOF: target t.so as t
// PROOF: call t:t_obj_func(*t:t_obj)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/notifier.h>

#define SV_TOBJ 0x171

static int livepatch_t_obj_func(void *obj)
{
	return klp_shadow_get_or_alloc(obj, SV_TOBJ, sizeof(int), GFP_ATOMIC, NULL, NULL) ? 0 : -ENOMEM;
}

static int t_gone(struct notifier_block *nb, unsigned long action, void *data)
{
	struct module *mod = data;

	if (action == MODULE_STATE_GOING && !strcmp(mod->name, "t"))
		klp_shadow_free_all(SV_TOBJ, NULL);
	return NOTIFY_OK;
}

static struct notifier_block t_nb = { .notifier_call = t_gone };

static struct klp_func t_funcs[] = {
	{ .old_name = "t_obj_func", .new_func = livepatch_t_obj_func },
	{}
};

static struct klp_object objs[] = { { .name = "t", .funcs = t_funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_TOBJ, .is_shadow = true },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static int __init lp_init(void)
{
	int ret = register_module_notifier(&t_nb);

	if (ret)
		return ret;
	ret = klp_enable_patch(&patch);
	if (ret)
		unregister_module_notifier(&t_nb);
	return ret;
}

static void __exit lp_exit(void)
{
	unregister_module_notifier(&t_nb);
}

module_init(lp_init);
module_exit(lp_exit);
// SPDX-License-Identifier: GPL-2.0-only
