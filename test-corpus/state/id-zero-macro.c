// Ids that fold to 0 through a macro and an enumerator: the walk of states[]
// stops at the first of them all the same. A named constant is the
// author's to renumber, so there is no fix-it; a note points at it.
// RUN: %klp-lint --checks=-*,state-id-zero %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

#define TRACE_STATE (0x10 - 16) // klp-note {{'TRACE_STATE' is defined here}}

enum lp_state_ids {
	LP_STATE_NONE, // klp-note {{'LP_STATE_NONE' is defined here}}
	LP_STATE_PROC,
	LP_STATE_SYSCTL,
};

static int setup(struct klp_patch *patch, struct klp_state *state)
{
	return 0;
}

static void undo(struct klp_patch *patch, struct klp_state *state)
{
}

#define STATE(nr, fn) { .id = (nr), .callbacks = { .pre_patch = (fn), .post_unpatch = undo } }

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = LP_STATE_PROC, .callbacks = { .pre_patch = setup, .post_unpatch = undo } },
	STATE(TRACE_STATE, setup), // klp-error {{element 1 of 'states' has state id 'TRACE_STATE' (0): the core's walk of states[] stops here, so this element and the 2 after it ('LP_STATE_NONE' (0), 'LP_STATE_SYSCTL' (2)) get no callbacks}}
	{ .id = LP_STATE_NONE, .block_disable = true }, // klp-error {{element 2 of 'states' has state id 'LP_STATE_NONE' (0): the core's walk of states[] stops here, so this element and the one after it ('LP_STATE_SYSCTL' (2)) get no callbacks}}
	STATE(LP_STATE_SYSCTL, setup),
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// Proof of findings: the elements the walk misses set a pre_patch and a
// block_disable; a callback that never runs leaves no line in the
// transcript, and block_disable acts only when a later patch would drop
// the state, which the battery's replacement, without states, would do at
// element 0 already.
// PROOF: unshown 0: the missed elements own no shadow variable, and a callback that never runs leaves no line in klp-sim's transcript
// SPDX-License-Identifier: GPL-2.0-only
