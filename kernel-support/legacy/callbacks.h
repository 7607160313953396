/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-object callbacks of generation A (docs/semantics.md#generation-a-semantics), for the legacy build of the core (CONFIG_KLP_GENERATION_A).
 *
 * The 6.12 kernel keeps these four helpers in kernel/livepatch/core.h and
 * calls them from core.c (enable, disable, module coming and going) and
 * transition.c (completion).  They run a callback if it is set and keep
 * post_unpatch_enabled: post_unpatch runs only for an object whose
 * pre_patch succeeded, or which has none, so that a failed enable or
 * module load does not undo what never happened.
 *
 * Each call is announced to the trace points of compat/trace.h, which
 * klp-sim prints ("pre_patch(P,obj)") and keeps in its ledger.
 */
#ifndef _LIVEPATCH_LEGACY_CALLBACKS_H
#define _LIVEPATCH_LEGACY_CALLBACKS_H

#include <linux/livepatch.h>

#include "../compat/trace.h"

static inline int klp_pre_patch_callback(struct klp_object *obj)
{
	int ret = 0;

	if (obj->callbacks.pre_patch) {
		trace_klp_object_callback("pre_patch", obj);
		ret = obj->callbacks.pre_patch(obj);
		if (!ret)
			trace_klp_object_set_up("pre_patch", obj);
	}
	obj->callbacks.post_unpatch_enabled = !ret;
	return ret;
}

static inline void klp_post_patch_callback(struct klp_object *obj)
{
	if (obj->callbacks.post_patch) {
		trace_klp_object_callback("post_patch", obj);
		obj->callbacks.post_patch(obj);
		trace_klp_object_set_up("post_patch", obj);
	}
}

static inline void klp_pre_unpatch_callback(struct klp_object *obj)
{
	if (obj->callbacks.pre_unpatch) {
		trace_klp_object_callback("pre_unpatch", obj);
		obj->callbacks.pre_unpatch(obj);
		trace_klp_object_torn_down("pre_unpatch", obj);
	}
}

/* Cleared either way: the next post_unpatch needs a new pre_patch. */
static inline void klp_post_unpatch_callback(struct klp_object *obj)
{
	if (obj->callbacks.post_unpatch_enabled &&
	    obj->callbacks.post_unpatch) {
		trace_klp_object_callback("post_unpatch", obj);
		obj->callbacks.post_unpatch(obj);
		trace_klp_object_torn_down("post_unpatch", obj);
	}
	obj->callbacks.post_unpatch_enabled = false;
}

#endif /* _LIVEPATCH_LEGACY_CALLBACKS_H */
