// klp_get_prev_state() only means something while a transition runs
// (docs/semantics.md#rule-state-get-prev-state-context): called from the
// module's init, before klp_enable_patch() starts one, or from a
// replacement function, which runs whenever the patched function is
// called, it warns once and returns NULL. The calls from the state's
// callbacks are where it belongs; in a pre_patch, for the state's own id,
// it can only return NULL (a note).
// RUN: %klp-lint --checks=-*,state-get-prev-state-context %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

#define CONSOLE_STATE 1

static int loglevel = 4;

static int saved_loglevel(void)
{
	struct klp_state *prev = klp_get_prev_state(CONSOLE_STATE); // klp-warning {{klp_get_prev_state() called in 'saved_loglevel', which replacement function 'livepatch_cmdline_proc_show' reaches: 'livepatch_cmdline_proc_show' runs outside a transition, where klp_get_prev_state() warns once and returns NULL; call it only from state or per-object callbacks [state-get-prev-state-context]}}

	return prev ? 7 : loglevel;
}

static int livepatch_cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_printf(m, "loglevel=%d\n", saved_loglevel());
	return 0;
}

static int console_setup(struct klp_patch *patch, struct klp_state *state)
{
	if (klp_get_prev_state(state->id)) // klp-note {{klp_get_prev_state(state->id) in the pre_patch callback of state 'CONSOLE_STATE' (1): it runs only when no other patch holds the id, so klp_get_prev_state() always returns NULL here}}
		return 0;
	return 0;
}

static void console_enable(struct klp_patch *patch, struct klp_state *state)
{
	if (!klp_get_prev_state(CONSOLE_STATE))
		loglevel = 7;
}

static void console_disable(struct klp_patch *patch, struct klp_state *state)
{
	loglevel = 4;
}

static struct klp_func funcs[] = {
	{ .old_name = "cmdline_proc_show", .new_func = livepatch_cmdline_proc_show }, // klp-note {{'livepatch_cmdline_proc_show' is registered here}}
	{}
};
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{
		.id = CONSOLE_STATE,
		.callbacks = { .pre_patch = console_setup, .post_patch = console_enable,
			       .pre_unpatch = console_disable },
	},
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static int lp_init(void)
{
	if (klp_get_prev_state(CONSOLE_STATE)) // klp-warning {{klp_get_prev_state() called in module init 'lp_init': it runs outside a transition, where klp_get_prev_state() warns once and returns NULL}}
		pr_info("an older patch set the log level up\n");
	return klp_enable_patch(&patch);
}

static void lp_exit(void)
{
}

module_init(lp_init); // klp-note {{'lp_init' is registered here}}
module_exit(lp_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");

// Proof of findings (kernel-support/tests/proof/run-proof.py): the init's
// call warns (once: the kernel's WARN_ON_ONCE) before the patch is
// enabled; reading /proc/cmdline would call the replacement's.
// SPDX-License-Identifier: GPL-2.0-only
