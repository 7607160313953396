// callbacks-signature (docs/semantics.md#rule-callbacks-signature): a void
// function stored in the int pre_patch slot of a state, behind a cast that
// keeps the compiler quiet. The core takes whatever the function leaves in
// the return register as pre_patch's result: here the length printk()
// returned, so the enable fails although prepare() did nothing wrong (the
// reference core logs "failed to enable patch" right after
// pre_patch(P,10)).
// RUN: %klp-lint --checks=-*,callbacks-signature %s -- %api-c -Xclang -verify=klp 2>&1 | FileCheck %s --check-prefix=EXIT --implicit-check-not=-verify
// EXIT: {{^}}0 warnings, 1 error in 1 file

#include <linux/livepatch.h>
#include <linux/module.h>

#define PREPARED_STATE 10

static void prepare(struct klp_patch *patch, struct klp_state *state) // klp-note {{'prepare' is declared here}}
{
	pr_info("%s: state %lu prepared\n", __func__, state->id);
}

static void undo(struct klp_patch *patch, struct klp_state *state)
{
	pr_info("%s: state %lu undone\n", __func__, state->id);
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };

static struct klp_state states[] = {
	{
		.id = PREPARED_STATE,
		.callbacks = {
			.pre_patch = (void *)prepare, // klp-error {{'prepare' of type 'void (struct klp_patch *, struct klp_state *)' is stored in the pre_patch slot of struct klp_state_callbacks, which the core calls as 'int (struct klp_patch *, struct klp_state *)'; the cast to 'void *' keeps the compiler from saying so: the core takes whatever the function leaves in the return register as its result, so the step fails or goes on at random [callbacks-signature]}}
			.post_unpatch = undo,
		},
	},
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
