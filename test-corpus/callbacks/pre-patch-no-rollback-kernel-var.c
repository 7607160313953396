// callbacks-pre-patch-no-rollback: a write to a kernel variable (klp-sim's
// knobs stand for a vmlinux setting the patch changes). raise_pre_patch()
// changes knob 3 and fails afterwards without putting it back: after the
// failed insmod the setting keeps the patch's value with no patch left to
// restore it. lower_pre_patch() restores its knob before failing; a write
// to the module's own variable dies with the module and is no side effect.
// The state ids are enumerators.
// RUN: %klp-lint --checks=-*,callbacks-pre-patch-no-rollback %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

/* The ids as enumerators, the second one computed from the first. */
enum knob_states { RAISE_STATE = 3, LOWER_STATE = RAISE_STATE + 1 };

extern int klp_sim_knobs[];

static int attempts;

static int raise_pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	attempts++;
	klp_sim_knobs[RAISE_STATE] = 42; // klp-note {{the write to 'klp_sim_knobs' is here}}
	if (klp_sim_knobs[RAISE_STATE + 1] == 0)
		return -EAGAIN; // klp-warning {{state 'RAISE_STATE' (3): pre_patch callback 'raise_pre_patch' returns an error here without undoing the write to 'klp_sim_knobs' (line 23)}}
	return 0;
}

static int lower_pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	int saved = klp_sim_knobs[LOWER_STATE];

	klp_sim_knobs[LOWER_STATE] = -1;
	if (attempts > 3) {
		klp_sim_knobs[LOWER_STATE] = saved;
		return -EBUSY;
	}
	return 0;
}

static void knobs_pre_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	klp_sim_knobs[state->id] = 0;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };

static struct klp_state states[] = {
	{ .id = RAISE_STATE, .callbacks = { .pre_patch = raise_pre_patch, .pre_unpatch = knobs_pre_unpatch } },
	{ .id = LOWER_STATE, .callbacks = { .pre_patch = lower_pre_patch, .pre_unpatch = knobs_pre_unpatch } },
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// Proof of findings: knob 3 before and after the failed enable.
// PROOF: knob 3
// SPDX-License-Identifier: GPL-2.0-only
