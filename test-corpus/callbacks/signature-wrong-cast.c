// callbacks-signature, note: the functions have the slots' types, and only
// the casts in front of them are wrong (to void *, of the function and of
// its address). Nothing goes wrong at run time, but the cast keeps the
// compiler from checking the next edit of the function. The fix-it removes
// each cast (signature-fixes.test applies them).
// RUN: %klp-lint --checks=-*,callbacks-signature %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

#define TABLE_STATE 50

static int table_pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	return 0;
}

static void table_post_unpatch(struct klp_patch *patch, struct klp_state *state)
{
}

static void table_dtor(void *obj, void *shadow_data)
{
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };

static struct klp_state states[] = {
	{
		.id = TABLE_STATE,
		.is_shadow = true,
		.callbacks = {
			.pre_patch = (void *)table_pre_patch, // klp-note {{'table_pre_patch', stored in the pre_patch slot of struct klp_state_callbacks, already has the type the core calls it with; the cast to 'void *' only stops the compiler from checking it: remove the cast [callbacks-signature]}}
			.post_unpatch = table_post_unpatch,
			.shadow_dtor = (void *)&table_dtor, // klp-note {{'table_dtor', stored in the shadow_dtor slot of struct klp_state_callbacks, already has the type the core calls it with; the cast to 'void *' only stops the compiler from checking it}}
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
