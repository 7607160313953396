// The POC's states[] end at id 0 too.
// RUN: %klp-lint --checks=-*,state-array-unterminated %s -- %api-b -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

static int setup(struct klp_patch *patch, struct klp_state *state)
{
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = { { .id = 3, .callbacks = { .setup = setup } } }; // klp-error {{states[] array 'states' has no element with id 0 to end it}}

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
