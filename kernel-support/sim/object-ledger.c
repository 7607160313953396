// SPDX-License-Identifier: GPL-2.0-only
/*
 * object-ledger.c - the object ledger of klp-sim's leak report, and the
 * transcript lines of per-object callbacks (generation A), fed by the
 * legacy core's trace points.
 *
 * The generation A twin of the state ledger (ledger.c).  Per object name
 * (vmlinux or a module), it remembers whether the last per-object
 * callback that ran set something up (pre_patch, post_patch) or tore it
 * down (pre_unpatch, post_unpatch), and in which patch.  Objects are told
 * apart by name, not by patch: a cumulative patch's callbacks for the
 * same object may take over what an earlier patch set up (test_klp_state2
 * does), and any patch's teardown counts.  An object that was set up
 * while no patch on the list has an object of that name any more was
 * never torn down: the atomic replace of section 3.12 (LEG-4, the
 * replaced patch's unpatch callbacks never run), or an object whose
 * callbacks set up and have nothing to undo it.
 *
 * The generation C core never calls these trace points, so the ledger
 * stays empty in klp-sim.
 */
#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>
#include <linux/livepatch.h>

#include "../compat/compat.h"
#include "../compat/trace.h"
#include "../core.h"
#include "bookkeeping.h"

struct klp_object_ledger {
	struct klp_object_ledger *next;
	char name[MODULE_NAME_LEN];
	bool set_up;
	char by[MODULE_NAME_LEN];
	const char *event;
};

static struct klp_object_ledger *klp_object_ledger;

/* The patch whose object list holds @obj; the core keeps no back link. */
static struct klp_patch *klp_object_patch(struct klp_object *obj)
{
	struct klp_patch *patch;
	struct klp_object *o;

	klp_for_each_patch(patch) {
		klp_for_each_object(patch, o) {
			if (o == obj)
				return patch;
		}
	}
	return NULL;
}

static const char *klp_object_patch_name(struct klp_object *obj)
{
	struct klp_patch *patch = klp_object_patch(obj);

	return patch ? patch->mod->name : "?";
}

static void object_ledger_note(struct klp_object *obj, const char *event,
			       bool set_up)
{
	struct klp_object_ledger *l, **pp = &klp_object_ledger;
	const char *name = klp_object_name(obj);

	for (l = klp_object_ledger; l; l = l->next) {
		if (!strcmp(l->name, name))
			break;
		pp = &l->next;
	}
	if (!l) {
		l = calloc(1, sizeof(*l));
		if (!l)
			return;
		snprintf(l->name, sizeof(l->name), "%s", name);
		*pp = l;	/* first-seen order keeps the report stable */
	}
	l->set_up = set_up;
	l->event = event;
	snprintf(l->by, sizeof(l->by), "%s", klp_object_patch_name(obj));
}

void trace_klp_object_callback(const char *callback, struct klp_object *obj)
{
	klp_sim_event("%s(%s,%s)", callback, klp_object_patch_name(obj),
		      klp_object_name(obj));
}

void trace_klp_object_set_up(const char *callback, struct klp_object *obj)
{
	object_ledger_note(obj, callback, true);
}

void trace_klp_object_torn_down(const char *callback, struct klp_object *obj)
{
	object_ledger_note(obj, callback, false);
}

/* Does a patch on the list still have an object called @name? */
static bool klp_object_held(const char *name)
{
	struct klp_patch *patch;
	struct klp_object *obj;

	klp_for_each_patch(patch) {
		klp_for_each_object(patch, obj) {
			if (!strcmp(klp_object_name(obj), name))
				return true;
		}
	}
	return false;
}

unsigned int klp_objects_report_leaks(void)
{
	struct klp_object_ledger *l;
	unsigned int count = 0;

	for (l = klp_object_ledger; l; l = l->next) {
		if (l->set_up && !klp_object_held(l->name)) {
			klp_sim_event("leak: object %s set up by %s (%s) and never torn down",
				      l->name, l->by, l->event);
			count++;
		}
	}
	return count;
}
