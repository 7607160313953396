// states[] built at run time by a helper that fills the state it is given:
// the call that passes id 0 (through an enumerator) makes a state the walk
// never reaches, although it has callbacks.
// RUN: %klp-lint --checks=-*,state-id-zero %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

enum { NO_STATE, FS_STATE = 20 };

static int fs_setup(struct klp_patch *patch, struct klp_state *state)
{
	return 0;
}

static void fs_teardown(struct klp_patch *patch, struct klp_state *state)
{
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };
static struct klp_state states[3];

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static void fill_state(struct klp_state *state, unsigned long id)
{
	state->id = id;
	state->callbacks.pre_patch = fs_setup;
	state->callbacks.post_unpatch = fs_teardown;
}

static int lp_init(void)
{
	fill_state(&states[0], NO_STATE); // klp-error {{state of 'states' gets id 'NO_STATE' (0) at run time: the core's walk of states[] stops at the first id 0, so this state and every one after it get no callbacks, no compatibility check and no shadow free}}
	fill_state(&states[1], FS_STATE);
	return klp_enable_patch(&patch);
}
module_init(lp_init);

// Proof of findings: the state made id 0 at run time owns no shadow
// variable, and its callback's absence leaves no line in the transcript.
// PROOF: unshown 0: the missed state owns no shadow variable, and a callback that never runs leaves no line in klp-sim's transcript
// SPDX-License-Identifier: GPL-2.0-only
