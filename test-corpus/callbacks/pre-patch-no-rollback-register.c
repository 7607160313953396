// callbacks-pre-patch-no-rollback: a registration. The pre_patch registers
// a module notifier, then fails a check (the knob that configures it is
// still 0) without unregistering it: the notifier block, in the module that
// the failed insmod removes, stays on the kernel's notifier chain, and the
// next module load calls into freed code. The same callback's other error
// path unregisters and stays silent, and so does a register call that
// failed (its result tested).
// RUN: %klp-lint --checks=-*,callbacks-pre-patch-no-rollback %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/notifier.h>

#define WATCH_STATE 13

extern int klp_sim_knobs[];

static int watch_module(struct notifier_block *nb, unsigned long action, void *data)
{
	return 0;
}

static struct notifier_block watch_nb = {
	.notifier_call = watch_module,
};

static int watch_pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	int ret;

	ret = register_module_notifier(&watch_nb); // klp-note {{register_module_notifier() is here}}
	if (ret)
		return ret;
	if (klp_sim_knobs[WATCH_STATE] < 0) {
		unregister_module_notifier(&watch_nb);
		return -EINVAL;
	}
	if (klp_sim_knobs[WATCH_STATE] == 0)
		return -ENODEV; // klp-warning {{state 'WATCH_STATE' (13): pre_patch callback 'watch_pre_patch' returns an error here without undoing register_module_notifier() (line 31)}}
	return 0;
}

static void watch_post_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	unregister_module_notifier(&watch_nb);
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };

static struct klp_state states[] = {
	{ .id = WATCH_STATE, .callbacks = { .pre_patch = watch_pre_patch, .post_unpatch = watch_post_unpatch } },
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// Proof of findings: the knob is 0 when the battery runs, so the enable
// fails on the path that leaks the notifier, and the removal of the module
// after its failed init finds it still on the chain ("BUG: module ... was
// removed with a module notifier still registered").
// SPDX-License-Identifier: GPL-2.0-only
