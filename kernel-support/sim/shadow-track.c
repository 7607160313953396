/*
 * shadow-track.c - klp-sim's records of live shadow variables, fed by the
 * core's trace points: how the object was named when the variable was
 * created (the object may be gone by the time it is reported), and which
 * module's code allocated it.  They answer the runner's "shadow" and
 * "expect-shadow" commands and the leak report, and print the transcript's
 * shadow events.
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
	(void)data;
	callback_event("dtor", (const void *)dtor, id);
}

void trace_klp_shadow_free(void *obj, unsigned long id, void *data)
{
	struct klp_shadow_record *r = find_record(data);

	(void)obj;
	if (!r)
		return;
	klp_sim_event("shadow_free(%s,%lu)", r->desc, id);
	list_del(&r->node);
	free(r);
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
