// callbacks-module-local-init
// (docs/semantics.md#rule-callbacks-module-local-init): the state's
// post_patch turns the fix on in a variable of the module, and the
// replacement function reads it. A later patch that takes the state over
// (a second module with the same state, DER-5; an atomic replace that keeps
// it, ST-2) gets no pre_patch and no post_patch for it, so its own copy of
// the variable stays false while its replacement function, now the one
// that runs, reads it: /proc/cmdline shows the fix off after the hand-over.
// RUN: %klp-lint --checks=-*,callbacks-module-local-init %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

#define FIX_STATE 90

static bool fix_active;

static int livepatch_cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_printf(m, "fix %s\n", fix_active ? "on" : "off"); // klp-note {{'livepatch_cmdline_proc_show' reads 'fix_active' here}}
	return 0;
}

static void fix_post_patch(struct klp_patch *patch, struct klp_state *state)
{
	fix_active = true; // klp-warning {{the post_patch callback 'fix_post_patch' of state 'FIX_STATE' (90) sets 'fix_active', which 'livepatch_cmdline_proc_show' reads; when a later patch takes the state over, the core runs neither its pre_patch nor its post_patch, so that patch's 'fix_active' keeps its initial value while its code reads it: set it in module init [callbacks-module-local-init]}}
}

static void fix_pre_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	fix_active = false;
}

static struct klp_func funcs[] = {
	{ .old_name = "cmdline_proc_show", .new_func = livepatch_cmdline_proc_show }, { }
};
static struct klp_object objs[] = { { .funcs = funcs }, { } };

static struct klp_state states[] = {
	{ .id = FIX_STATE, .callbacks = { .post_patch = fix_post_patch, .pre_unpatch = fix_pre_unpatch } },
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// Proof of findings: what /proc/cmdline shows after the enable, and after a
// copy of this module (another name, the same state) took the state over.
// PROOF: show fix_active in /proc/cmdline
// SPDX-License-Identifier: GPL-2.0-only
