// callbacks-signature under generation B headers: the POC's setup slot
// holds a void function behind a cast, and a release callback has the
// per-object type. The slots are named as the POC names them.
// RUN: %klp-lint --checks=-*,callbacks-signature %s -- %api-b -Xclang -verify=klp 2>&1 | FileCheck %s --check-prefix=EXIT --implicit-check-not=-verify
// EXIT: {{^}}0 warnings, 2 errors in 1 file

#include <linux/livepatch.h>
#include <linux/module.h>

static void setup_state(struct klp_patch *patch, struct klp_state *state) // klp-note {{'setup_state' is declared here}}
{
	pr_info("%s\n", __func__);
}

static void release_state(struct klp_object *obj) // klp-note {{'release_state' is declared here}}
{
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };

static struct klp_state states[] = {
	{
		.id = 1,
		.callbacks = {
			.setup = (void *)setup_state, // klp-error {{'setup_state' of type 'void (struct klp_patch *, struct klp_state *)' is stored in the setup slot of struct klp_state_callbacks, which the core calls as 'int (struct klp_patch *, struct klp_state *)'}}
			.release = (void *)release_state, // klp-error {{'release_state' of type 'void (struct klp_object *)' is stored in the release slot of struct klp_state_callbacks}}
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
