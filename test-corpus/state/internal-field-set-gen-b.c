// The POC's record is setup_succeeded; positional initializers count.
// RUN: %klp-lint --checks=-*,state-internal-field-set %s -- %api-b -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

static int setup(struct klp_patch *patch, struct klp_state *state)
{
	return 0;
}

static void release(struct klp_patch *patch, struct klp_state *state)
{
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = 4, .callbacks = { setup, NULL, NULL, release, NULL, 1 } }, // klp-error {{'setup_succeeded' is preset: the core records in it that state 4's pre_patch step passed}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// Proof of findings: compiled against generation C the positional 1 presets
// pre_patch_succeeded; no earlier state's pre_patch fails, so the cancel
// that reads it never runs.
// PROOF: unshown 4: no earlier state's pre_patch fails, so the cancel that reads the record never runs
// SPDX-License-Identifier: GPL-2.0-only
