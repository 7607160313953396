// Look-alikes that must stay silent: a member of the module's own ops
// struct named klp_get_prev_state, called from the init; a static function
// that calls the real one but that nothing calls (dead code); a macro with
// a similar name; the name in a comment and a string; and the real call
// from post_unpatch, where it belongs.
// RUN: %klp-lint --checks=-*,state-get-prev-state-context %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

#define klp_get_prev_state_id(s) ((s)->id)

struct lp_ops {
	struct klp_state *(*klp_get_prev_state)(unsigned long id);
};

static struct klp_state *fake_prev(unsigned long id)
{
	return NULL;
}

static struct lp_ops ops = { .klp_get_prev_state = fake_prev };

__attribute__((unused)) static int never_called(void)
{
	return klp_get_prev_state(1) != NULL;
}

static void teardown(struct klp_patch *patch, struct klp_state *state)
{
	/* klp_get_prev_state() is valid here: a transition is running. */
	klp_get_prev_state(klp_get_prev_state_id(state));
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };
static struct klp_state states[] = { { .id = 1, .callbacks = { .post_unpatch = teardown } }, {} };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static int lp_init(void)
{
	pr_info("klp_get_prev_state() is not called here\n");
	ops.klp_get_prev_state(1);
	return klp_enable_patch(&patch);
}
module_init(lp_init);
// SPDX-License-Identifier: GPL-2.0-only
