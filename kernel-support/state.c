// SPDX-License-Identifier: GPL-2.0-only
/*
 * state.c - livepatch states: per-state callbacks, the shared-state rule,
 * compatibility of a new patch and block_disable.
 *
 * A state's callbacks run only when the number of patches on klp_patches
 * that hold its id goes from 0 to 1 or from 1 to 0 (section 2, "Shared").
 * Every walk is in array order and stops at the first id 0; there is no
 * reverse order for teardown or rollback.
 *
 * Each callback that runs is announced to the trace points just before the
 * call, and each completed setup or teardown just after it.
 */
#define pr_fmt(fmt) "livepatch: " fmt

#include <linux/kernel.h>
#include <linux/livepatch.h>

#include "compat/trace.h"
#include "core.h"
#include "state.h"
#include "transition.h"

/*
 * Set once the replaced patches' pre_unpatch callbacks have run for an
 * atomic replace, so that a failed or reversed replace knows it must run
 * their post_patch again (section 3.4 step 3).
 */
static bool klp_states_pre_unpatch_replaced_called;

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
 * transition patch are the ones it builds on.
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
 * shared(P, S): another patch on the list, in whatever phase of its life,
 * holds the id.  Only the id is compared.
 */
static bool is_state_in_other_patches(struct klp_patch *patch,
				      struct klp_state *state)
{
	struct klp_patch *old_patch;
	struct klp_state *old_state;

	klp_for_each_patch(old_patch) {
		if (old_patch == patch)
			continue;
		klp_for_each_state(old_patch, old_state) {
			if (old_state->id == state->id)
				return true;
		}
	}
	return false;
}

/**
 * klp_is_patch_compatible() - may @patch be installed now?
 * @patch:	the new patch
 *
 * A replace patch must carry every id that an installed patch marks
 * block_disable, or it would tear down a state that must not go away.  It
 * may clear the flag in its own copy (section 3.1 step 3).
 *
 * Return: true if compatible.
 */
bool klp_is_patch_compatible(struct klp_patch *patch)
{
	struct klp_patch *old_patch;
	struct klp_state *old_state;

	if (!patch->replace)
		return true;

	klp_for_each_patch(old_patch) {
		klp_for_each_state(old_patch, old_state) {
			if (old_state->block_disable &&
			    !klp_get_state(patch, old_state->id))
				return false;
		}
	}
	return true;
}

/**
 * klp_patch_disable_blocked() - does one of @patch's own states forbid
 * disabling it?
 * @patch:	the patch
 *
 * Return: true if any state of @patch has block_disable.
 */
bool klp_patch_disable_blocked(struct klp_patch *patch)
{
	struct klp_state *state;

	klp_for_each_state(patch, state) {
		if (state->block_disable)
			return true;
	}
	return false;
}

/* ------------------------------------------------------------------------
 * Callbacks
 */

/**
 * klp_states_pre_patch() - prepare the states @patch introduces
 * @patch:	the patch being enabled
 *
 * Marks every state it passes, shared or not, as pre_patch_succeeded: that
 * flag later gates post_unpatch and the shadow free.  A failure stops the
 * walk at once, so the failing state and all later ones are never cleaned
 * up by the core (section 3.6.1).
 *
 * Return: 0, or the first callback's error.
 */
int klp_states_pre_patch(struct klp_patch *patch)
{
	struct klp_state *state;
	int ret;

	klp_for_each_state(patch, state) {
		if (!is_state_in_other_patches(patch, state) &&
		    state->callbacks.pre_patch) {
			trace_klp_state_callback("pre_patch", patch, state);
			ret = state->callbacks.pre_patch(patch, state);
			if (ret)
				return ret;
			trace_klp_state_set_up("pre_patch", patch, state);
		}
		state->callbacks.pre_patch_succeeded = true;
	}
	return 0;
}

/**
 * klp_states_post_patch() - activate the states only @patch holds
 * @patch:	the patch whose enabling completed, or an old patch whose
 *		pre_unpatch must be undone
 */
void klp_states_post_patch(struct klp_patch *patch)
{
	struct klp_state *state;

	klp_for_each_state(patch, state) {
		if (is_state_in_other_patches(patch, state))
			continue;
		if (state->callbacks.post_patch) {
			trace_klp_state_callback("post_patch", patch, state);
			state->callbacks.post_patch(patch, state);
			trace_klp_state_set_up("post_patch", patch, state);
		}
	}
}

/**
 * klp_states_pre_unpatch() - deactivate the states only @patch holds
 * @patch:	the patch being disabled, or a patch being replaced
 */
void klp_states_pre_unpatch(struct klp_patch *patch)
{
	struct klp_state *state;

	klp_for_each_state(patch, state) {
		if (is_state_in_other_patches(patch, state))
			continue;
		if (state->callbacks.pre_unpatch) {
			trace_klp_state_callback("pre_unpatch", patch, state);
			state->callbacks.pre_unpatch(patch, state);
			trace_klp_state_torn_down("pre_unpatch", patch, state);
		}
	}
}

/**
 * klp_states_post_unpatch() - remove the states only @patch holds
 * @patch:	the patch whose removal completed: disabled, replaced, or
 *		cancelled
 *
 * State by state: post_unpatch, then the state's shadow variables are
 * freed with this patch's shadow_dtor.  Only states whose pre_patch step
 * passed are touched (section 3.4 step 4).
 */
void klp_states_post_unpatch(struct klp_patch *patch)
{
	struct klp_state *state;

	klp_for_each_state(patch, state) {
		if (is_state_in_other_patches(patch, state) ||
		    !state->callbacks.pre_patch_succeeded)
			continue;

		if (state->callbacks.post_unpatch) {
			trace_klp_state_callback("post_unpatch", patch, state);
			state->callbacks.post_unpatch(patch, state);
			trace_klp_state_torn_down("post_unpatch", patch, state);
		}
		if (state->is_shadow) {
			trace_klp_state_shadow_free(patch, state,
						    state->callbacks.shadow_dtor);
			klp_shadow_free_all(state->id,
					    state->callbacks.shadow_dtor);
			trace_klp_state_shadow_freed(patch, state,
						     state->callbacks.shadow_dtor);
			/* Freeing the variables undoes what they recorded. */
			if (!state->callbacks.post_unpatch)
				trace_klp_state_torn_down("shadow free", patch,
							  state);
		}
		state->callbacks.pre_patch_succeeded = false;
	}
}

/**
 * klp_states_pre_unpatch_replaced() - start removing what a replace drops
 * @patch:	the replace patch being enabled
 *
 * @patch is already on the list, so every state it keeps counts as shared
 * and only the dropped ones get pre_unpatch.
 */
void klp_states_pre_unpatch_replaced(struct klp_patch *patch)
{
	struct klp_patch *old_patch;

	WARN_ON(klp_states_pre_unpatch_replaced_called);

	klp_for_each_patch(old_patch) {
		if (old_patch != patch)
			klp_states_pre_unpatch(old_patch);
	}
	klp_states_pre_unpatch_replaced_called = true;
}

/**
 * klp_states_post_unpatch_replaced() - finish removing what a replace drops
 * @patch:	the replace patch whose transition completed
 *
 * Walks every other patch on the list, not only those before @patch.
 * After a reversed disable of a replace patch this also tears down the
 * states of non-replace patches stacked after it (scenario DER-10), as the
 * series does.
 */
void klp_states_post_unpatch_replaced(struct klp_patch *patch)
{
	struct klp_patch *old_patch;

	klp_for_each_patch(old_patch) {
		if (old_patch != patch)
			klp_states_post_unpatch(old_patch);
	}
	klp_states_pre_unpatch_replaced_called = false;
}

/**
 * klp_states_post_patch_replaced() - a replace did not happen after all
 * @patch:	the replace patch whose enabling was cancelled or reversed
 *
 * Re-runs the old patches' post_patch to undo their pre_unpatch, if that
 * ran.
 */
void klp_states_post_patch_replaced(struct klp_patch *patch)
{
	struct klp_patch *old_patch;

	if (!klp_states_pre_unpatch_replaced_called)
		return;

	klp_for_each_patch(old_patch) {
		if (old_patch != patch)
			klp_states_post_patch(old_patch);
	}
	klp_states_pre_unpatch_replaced_called = false;
}
