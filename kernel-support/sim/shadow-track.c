// SPDX-License-Identifier: GPL-2.0-only
/*
 * shadow-track.c - klp-sim's records of live shadow variables, fed by the
 * core's trace points: how the object was named when the variable was
 * created (the object may be gone by the time it is reported), and which
 * module's code allocated it.  They answer the runner's "shadow" and
 * "expect-shadow" commands and the leak report, and print the transcript's
 * shadow events.
 *
 * They also remember which destructor freed the last variable of each id,
 * so that the report can name a state's shadow_dtor that never ran because
 * its variables were gone before the core's free came (freed by hand in the
 * state's own callbacks, or by an earlier state with the same id).
 */
#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/livepatch.h>

#include "../compat/compat.h"
#include "../compat/trace.h"
#include "bookkeeping.h"

struct klp_shadow_record {
	struct list_head node;
	void *data;
	unsigned long id;
	char desc[KLP_SIM_DESC_LEN];
	char owner[MODULE_NAME_LEN];
};

/* Live variables, oldest first. */
static LIST_HEAD(klp_shadow_records);

/* The destructor that ran for the last variable freed of an id, if any. */
struct klp_shadow_last_free {
	struct list_head node;
	unsigned long id;
	const void *dtor;
};

static LIST_HEAD(klp_shadow_last_frees);

/* The destructor about to run for the variable with this data. */
static const void *klp_dtor_data;
static const void *klp_dtor_fn;

/* The core's free of a state's variables, while it runs. */
static bool klp_state_free_running;
static unsigned long klp_state_free_id;
static unsigned int klp_state_free_found;

/* A state's shadow_dtor that never ran: one line of the report each. */
struct klp_unrun_dtor {
	struct list_head node;
	char line[3 * KLP_SIM_DESC_LEN];
};

static LIST_HEAD(klp_unrun_dtors);

static struct klp_shadow_record *find_record(void *data)
{
	struct klp_shadow_record *r;

	list_for_each_entry(r, &klp_shadow_records, node)
		if (r->data == data)
			return r;
	return NULL;
}

void trace_klp_shadow_alloc(void *obj, unsigned long id, void *data,
			    unsigned long caller)
{
	struct klp_shadow_record *r = calloc(1, sizeof(*r));
	const char *owner = klp_sim_owner_name((const void *)caller);

	if (!r)
		abort();
	r->data = data;
	r->id = id;
	klp_sim_describe(obj, r->desc, sizeof(r->desc));
	snprintf(r->owner, sizeof(r->owner), "%s", owner ? owner : "vmlinux");
	list_add_tail(&r->node, &klp_shadow_records);
	klp_sim_event("shadow_alloc(%s,%lu)", r->desc, id);
}

/* "<what>(<module that defines fn>,<id>)", or the address without one. */
static void callback_event(const char *what, const void *fn, unsigned long id)
{
	const char *mod = klp_sim_owner_name(fn);

	if (mod)
		klp_sim_event("%s(%s,%lu)", what, mod, id);
	else
		klp_sim_event("%s(%p,%lu)", what, fn, id);
}

void trace_klp_shadow_ctor(void *obj, unsigned long id, void *data,
			   klp_shadow_ctor_t ctor)
{
	(void)obj;
	(void)data;
	callback_event("ctor", (const void *)ctor, id);
}

void trace_klp_shadow_dtor(void *obj, unsigned long id, void *data,
			   klp_shadow_dtor_t dtor)
{
	(void)obj;
	klp_dtor_data = data;
	klp_dtor_fn = (const void *)dtor;
	callback_event("dtor", (const void *)dtor, id);
}

static struct klp_shadow_last_free *last_free(unsigned long id, bool create)
{
	struct klp_shadow_last_free *l;

	list_for_each_entry(l, &klp_shadow_last_frees, node)
		if (l->id == id)
			return l;
	if (!create)
		return NULL;
	l = calloc(1, sizeof(*l));
	if (!l)
		abort();
	l->id = id;
	list_add_tail(&l->node, &klp_shadow_last_frees);
	return l;
}

void trace_klp_shadow_free(void *obj, unsigned long id, void *data)
{
	struct klp_shadow_record *r = find_record(data);

	(void)obj;
	/* trace_klp_shadow_dtor() came just before, for this variable. */
	last_free(id, true)->dtor = klp_dtor_data == data ? klp_dtor_fn : NULL;
	klp_dtor_data = NULL;
	klp_dtor_fn = NULL;
	if (klp_state_free_running && id == klp_state_free_id)
		klp_state_free_found++;
	if (!r)
		return;
	klp_sim_event("shadow_free(%s,%lu)", r->desc, id);
	list_del(&r->node);
	free(r);
}

void trace_klp_state_shadow_free(struct klp_patch *patch,
				 struct klp_state *state,
				 klp_shadow_dtor_t dtor)
{
	(void)patch;
	(void)dtor;
	klp_state_free_running = true;
	klp_state_free_id = state->id;
	klp_state_free_found = 0;
}

void trace_klp_state_shadow_freed(struct klp_patch *patch,
				  struct klp_state *state,
				  klp_shadow_dtor_t dtor)
{
	struct klp_shadow_last_free *last = last_free(state->id, false);
	char name[KLP_SIM_DESC_LEN], by[KLP_SIM_DESC_LEN];
	struct klp_unrun_dtor *u;

	klp_state_free_running = false;
	/*
	 * Nothing left to free, though variables of this id existed: their
	 * last one went without this destructor.
	 */
	if (klp_state_free_found || !dtor || !last ||
	    last->dtor == (const void *)dtor)
		return;
	u = calloc(1, sizeof(*u));
	if (!u)
		abort();
	klp_sim_describe((const void *)dtor, name, sizeof(name));
	if (last->dtor)
		klp_sim_describe(last->dtor, by, sizeof(by));
	snprintf(u->line, sizeof(u->line),
		 "never called: shadow_dtor %s of state %lu of '%s' (its variables were freed before the core's free, the last one %s%s)",
		 name, state->id, patch->mod->name,
		 last->dtor ? "by " : "with no destructor",
		 last->dtor ? by : "");
	list_add_tail(&u->node, &klp_unrun_dtors);
}

unsigned int klp_shadow_report_unrun_dtors(void)
{
	struct klp_unrun_dtor *u, *v;
	unsigned int count = 0;

	list_for_each_entry(u, &klp_unrun_dtors, node) {
		bool seen = false;

		/* A patch loaded again reports the same destructor once. */
		list_for_each_entry(v, &klp_unrun_dtors, node) {
			if (v == u)
				break;
			seen |= !strcmp(v->line, u->line);
		}
		if (seen)
			continue;
		klp_sim_event("%s", u->line);
		count++;
	}
	return count;
}

unsigned int klp_shadow_count(unsigned long id, bool any_id,
			      const char *obj_desc)
{
	struct klp_shadow_record *r;
	unsigned int count = 0;

	list_for_each_entry(r, &klp_shadow_records, node)
		if ((any_id || r->id == id) &&
		    (!obj_desc || !strcmp(r->desc, obj_desc)))
			count++;
	return count;
}

unsigned int klp_shadow_report(const char *prefix)
{
	struct klp_shadow_record *r;
	unsigned int count = 0;

	list_for_each_entry(r, &klp_shadow_records, node) {
		klp_sim_event("%sshadow(%s,%lu) allocated by %s", prefix,
			      r->desc, r->id, r->owner);
		count++;
	}
	return count;
}
