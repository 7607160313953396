// The other contexts of their own: a shadow constructor and destructor
// (called under the shadow lock, whenever the variable is made or freed),
// a state's shadow_dtor, a module notifier, and a work function whose
// address the module hands out. Only the first root that reaches a call is
// named.
// RUN: %klp-lint --checks=-*,state-get-prev-state-context %s -- %api-c -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/notifier.h>
#include <linux/workqueue.h>

#define SV_CONN 3

static int conn_ctor(void *obj, void *data, void *arg)
{
	return klp_get_prev_state(SV_CONN) ? 0 : -EINVAL; // klp-warning {{klp_get_prev_state() called in shadow constructor 'conn_ctor': it runs outside a transition}}
}

static void conn_dtor(void *obj, void *data)
{
	klp_get_prev_state(SV_CONN); // klp-warning {{klp_get_prev_state() called in shadow destructor 'conn_dtor': it runs outside a transition}}
}

static void state_dtor(void *obj, void *data)
{
	klp_get_prev_state(SV_CONN); // klp-warning {{klp_get_prev_state() called in 'state_dtor', whose address the module hands out,: it runs outside a transition}}
}

static int lp_notify(struct notifier_block *nb, unsigned long action, void *data)
{
	klp_get_prev_state(SV_CONN); // klp-warning {{klp_get_prev_state() called in module notifier 'lp_notify': it runs outside a transition}}
	return 0;
}

static struct notifier_block lp_nb = { .notifier_call = lp_notify };

static void lp_work_fn(struct work_struct *work)
{
	klp_get_prev_state(SV_CONN); // klp-warning {{klp_get_prev_state() called in 'lp_work_fn', whose address the module hands out,: it runs outside a transition}}
}

static struct work_struct lp_work;

void *patched_open(void *conn)
{
	void *p = klp_shadow_get_or_alloc(conn, SV_CONN, 8, GFP_KERNEL, conn_ctor, NULL); // klp-note {{'conn_ctor' is registered here}}

	klp_shadow_free(conn, SV_CONN, conn_dtor); // klp-note {{'conn_dtor' is registered here}}
	return p;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_CONN, .is_shadow = true, .callbacks = { .shadow_dtor = state_dtor } }, // klp-note {{'state_dtor' is handed out here}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static int lp_init(void)
{
	INIT_WORK(&lp_work, lp_work_fn); // klp-note {{'lp_work_fn' is handed out here}}
	register_module_notifier(&lp_nb); // klp-note {{'lp_notify' is registered here}}
	return klp_enable_patch(&patch);
}
module_init(lp_init);
// SPDX-License-Identifier: GPL-2.0-only
