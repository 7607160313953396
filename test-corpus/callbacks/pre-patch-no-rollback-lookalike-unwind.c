// callbacks-pre-patch-no-rollback look-alikes that must stay silent, in the
// kernel's usual unwind style: error paths that jump to a ladder of labels
// undoing, in reverse order, the shadow variable, the allocation and the
// registration made so far; undo spelled through the module's own macros
// (DROP_TABLE, PUT_BACK); a kernel variable put back before the error; an
// allocation tested with unlikely(); and a struct of the module's own
// whose member is named pre_patch, holding a leaky function. When the
// battery runs, the last check fails (knob 14 is 0), so the enable fails
// after all three steps were undone: nothing stays behind.
// RUN: %klp-lint --checks=-*,callbacks-pre-patch-no-rollback %s -- %api-c -Xclang -verify=klp
// PROOF: knob 15
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/notifier.h>
#include <linux/slab.h>

#define TABLE_STATE 14
#define LIMIT_KNOB 15
#define DROP_TABLE(t) kfree(t)
#define PUT_BACK(v, old) ((v) = (old))

extern int klp_sim_knobs[];

struct my_hooks {
	int (*pre_patch)(void);
};

static int *table;

static int watch(struct notifier_block *nb, unsigned long action, void *data)
{
	return 0;
}

static struct notifier_block watch_nb = { .notifier_call = watch };

static int table_pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	int old_limit = klp_sim_knobs[LIMIT_KNOB];
	void *sv;
	int ret;

	table = kcalloc(16, sizeof(*table), GFP_KERNEL);
	if (unlikely(!table))
		return -ENOMEM;
	sv = klp_shadow_alloc(&klp_sim_knobs[TABLE_STATE], TABLE_STATE, 8, GFP_KERNEL,
			      NULL, NULL);
	if (!sv) {
		ret = -ENOMEM;
		goto out_table;
	}
	ret = register_module_notifier(&watch_nb);
	if (ret)
		goto out_shadow;
	klp_sim_knobs[LIMIT_KNOB] = 64;
	if (klp_sim_knobs[TABLE_STATE] == 0) {
		PUT_BACK(klp_sim_knobs[LIMIT_KNOB], old_limit);
		ret = -ENODEV;
		goto out_notifier;
	}
	return 0;

out_notifier:
	unregister_module_notifier(&watch_nb);
out_shadow:
	klp_shadow_free(&klp_sim_knobs[TABLE_STATE], TABLE_STATE, NULL);
out_table:
	DROP_TABLE(table);
	table = NULL;
	return ret;
}

static void table_post_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	unregister_module_notifier(&watch_nb);
	kfree(table);
	table = NULL;
}

static int leaky(void)
{
	klp_sim_knobs[LIMIT_KNOB] = 1;
	return -EINVAL;
}

static struct my_hooks hooks = { .pre_patch = leaky };

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };

static struct klp_state states[] = {
	{ .id = TABLE_STATE, .is_shadow = true,
	  .callbacks = { .pre_patch = table_pre_patch, .post_unpatch = table_post_unpatch } },
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static int livepatch_init(void)
{
	return klp_enable_patch(&patch);
}

static void livepatch_exit(void)
{
}

module_init(livepatch_init);
module_exit(livepatch_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
// SPDX-License-Identifier: GPL-2.0-only
