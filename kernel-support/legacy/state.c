// SPDX-License-Identifier: GPL-2.0-only
/*
 * legacy/state.c - the system-state API of generation A (Linux 5.5 to
 * 6.19): versioned states and the compatibility of a new patch with the
 * installed ones (docs/semantics.md#generation-a, docs/semantics.md#generation-a-semantics).
 *
 * In generation A a state is only a record: an id, a version and data
 * that the patch's per-object callbacks own.  The core runs no callback
 * for a state and frees nothing; it only refuses a patch that would
 * break a state an installed patch has set up.  klp_get_state() and
 * klp_get_prev_state() let the callbacks find out whether an earlier
 * patch did the work already, so that a cumulative patch can take over.
 *
 * Built instead of state.c for klp-sim-a (CONFIG_KLP_GENERATION_A).
 */
#define pr_fmt(fmt) "livepatch: " fmt

#include <linux/kernel.h>
#include <linux/livepatch.h>

#include "../core.h"
#include "../state.h"
#include "../transition.h"

/**
 * klp_get_state() - find a state in a patch
 * @patch:	the patch whose states[] is searched
 * @id:		the state's id
 *
 * Return: @patch's own entry with @id, or NULL.
 */
struct klp_state *klp_get_state(struct klp_patch *patch, unsigned long id)
{
	struct klp_state *state;

	klp_for_each_state(patch, state) {
		if (state->id == id)
			return state;
	}
	return NULL;
}

/**
 * klp_get_prev_state() - find a state in the patches installed earlier
 * @id:		the state's id
 *
 * Only meaningful while a transition runs: the patches before the
 * transition patch are the ones it builds on.  During an atomic replace
 * they are still on the list when the new patch's post_patch runs, so a
 * cumulative patch can take their data over then.
 *
 * Return: the last matching entry before the transition patch, or NULL.
 */
struct klp_state *klp_get_prev_state(unsigned long id)
{
	struct klp_patch *patch;
	struct klp_state *state, *last_state = NULL;

	if (WARN_ON_ONCE(!klp_transition_patch))
		return NULL;

	klp_for_each_patch(patch) {
		if (patch == klp_transition_patch)
			break;
		state = klp_get_state(patch, id);
		if (state)
			last_state = state;
	}
	return last_state;
}

/*
 * Can @patch deal with @old_state, which an installed patch set up?  A
 * replace patch must know every such state, since the patch that set it
 * up goes away without running any callback; any patch must know it in
 * at least the same version, since a lower version cannot be trusted to
 * undo what a higher one did.  A non-replace patch that lacks the state
 * leaves it to the patch that has it.
 */
static bool klp_is_state_compatible(struct klp_patch *patch,
				    struct klp_state *old_state)
{
	struct klp_state *state;

	state = klp_get_state(patch, old_state->id);
	if (!state)
		return !patch->replace;

	return state->version >= old_state->version;
}

/**
 * klp_is_patch_compatible() - may @patch be installed now?
 * @patch:	the new patch, not yet on the list
 *
 * Every state of every installed patch must be compatible with @patch
 * (section 1.1, "Compatibility rule of A").  The version rule applies to
 * non-replace patches too.
 *
 * Return: true if compatible.
 */
bool klp_is_patch_compatible(struct klp_patch *patch)
{
	struct klp_patch *old_patch;
	struct klp_state *old_state;

	klp_for_each_patch(old_patch) {
		klp_for_each_state(old_patch, old_state) {
			if (!klp_is_state_compatible(patch, old_state))
				return false;
		}
	}
	return true;
}
