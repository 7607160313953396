// SPDX-License-Identifier: GPL-2.0-only
/*
 * ledger.c - the state ledger of klp-sim's leak report, and the transcript
 * lines of state callbacks, fed by the core's trace points.
 *
 * The ledger remembers, per state id, whether its last callback set the
 * state up (pre_patch, post_patch) or tore it down (pre_unpatch,
 * post_unpatch, or the core's free of an is_shadow state's variables), and
 * which patch did it.  A state that is set up while no patch on the list
 * holds its id was never torn down; an enabled patch holding an id that was
 * torn down is broken (scenario DER-10).
 */
#include <stdlib.h>

#include <linux/kernel.h>
#include <linux/livepatch.h>

#include "../compat/compat.h"
#include "../compat/trace.h"
#include "../core.h"
#include "../transition.h"
#include "bookkeeping.h"

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

void trace_klp_state_callback(const char *callback, struct klp_patch *patch,
			      struct klp_state *state)
{
	klp_sim_event("%s(%s,%lu)", callback, patch->mod->name, state->id);
}

void trace_klp_state_set_up(const char *callback, struct klp_patch *patch,
			    struct klp_state *state)
{
	ledger_note(patch, state, callback, true);
}

void trace_klp_state_torn_down(const char *how, struct klp_patch *patch,
			       struct klp_state *state)
{
	ledger_note(patch, state, how, false);
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
