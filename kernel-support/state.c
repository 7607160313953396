/*
 * state.c - livepatch states: per-state callbacks, the shared-state rule,
 * compatibility of a new patch and block_disable.
 *
 * A state's callbacks run only when the number of patches on klp_patches
 * that hold its id goes from 0 to 1 or from 1 to 0 (section 2, "Shared").
 * Every walk is in array order and stops at the first id 0; there is no
 * reverse order for teardown or rollback.
 *
 * Each callback that runs is announced on the transcript as
 * "<callback>(<patch>,<id>)" just before the call.
 */
#define pr_fmt(fmt) "livepatch: " fmt

#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>
#include <linux/livepatch.h>

#include "compat/compat.h"
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
 * The ledger: the model's memory of which states are set up, so that a
 * state nobody tears down shows up as a leak.
 */

struct klp_state_ledger {
	struct klp_state_ledger *next;
	unsigned long id;
	bool set_up;
	char by[MODULE_NAME_LEN];
	const char *event;
};

static struct klp_state_ledger *klp_ledger;

static void ledger_note(struct klp_patch *patch, struct klp_state *state,
			const char *event, bool set_up)
{
	struct klp_state_ledger *l, **pp = &klp_ledger;

	for (l = klp_ledger; l; l = l->next) {
		if (l->id == state->id)
			break;
		pp = &l->next;
	}
	if (!l) {
		l = calloc(1, sizeof(*l));
		if (!l)
			return;
		l->id = state->id;
		*pp = l;	/* first-seen order keeps the report stable */
	}
	l->set_up = set_up;
	l->event = event;
	snprintf(l->by, sizeof(l->by), "%s", patch->mod->name);
}

static struct klp_patch *klp_holder(unsigned long id, bool enabled_only)
{
	struct klp_patch *patch;

	klp_for_each_patch(patch) {
		if (enabled_only &&
		    (!patch->enabled || patch == klp_transition_patch))
			continue;
		if (klp_get_state(patch, id))
			return patch;
	}
	return NULL;
}

unsigned int klp_states_report_leaks(void)
{
	struct klp_state_ledger *l;
	struct klp_patch *holder;
	unsigned int count = 0;

	for (l = klp_ledger; l; l = l->next) {
		if (l->set_up && !klp_holder(l->id, false)) {
			klp_sim_event("leak: state %lu set up by %s (%s) and never torn down",
				      l->id, l->by, l->event);
			count++;
		} else if (!l->set_up && (holder = klp_holder(l->id, true))) {
			klp_sim_event("broken: state %lu of enabled patch '%s' was torn down (%s by %s)",
				      l->id, holder->mod->name, l->event,
				      l->by);
			count++;
		}
	}
	return count;
}

/* ------------------------------------------------------------------------
 * Callbacks
 */

static void klp_state_event(const char *callback, struct klp_patch *patch,
			    struct klp_state *state)
{
	klp_sim_event("%s(%s,%lu)", callback, patch->mod->name, state->id);
}

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
			klp_state_event("pre_patch", patch, state);
			ret = state->callbacks.pre_patch(patch, state);
			if (ret)
				return ret;
			ledger_note(patch, state, "pre_patch", true);
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
			klp_state_event("post_patch", patch, state);
			state->callbacks.post_patch(patch, state);
			ledger_note(patch, state, "post_patch", true);
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
			klp_state_event("pre_unpatch", patch, state);
			state->callbacks.pre_unpatch(patch, state);
			ledger_note(patch, state, "pre_unpatch", false);
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
			klp_state_event("post_unpatch", patch, state);
			state->callbacks.post_unpatch(patch, state);
			ledger_note(patch, state, "post_unpatch", false);
		}
		if (state->is_shadow) {
			klp_shadow_free_all(state->id,
					    state->callbacks.shadow_dtor);
			/* Freeing the variables undoes what they recorded. */
			if (!state->callbacks.post_unpatch)
				ledger_note(patch, state, "shadow free", false);
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
