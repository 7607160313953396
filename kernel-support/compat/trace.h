/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Trace points of the livepatch core.
 *
 * The core announces a few events here and nothing else; it never keeps
 * records of its own for the runner.  klp-sim's bookkeeping (sim/) is the
 * only "probe": it prints the callback and shadow events of the transcript,
 * keeps the state ledger of the leak report, and remembers who allocated
 * each shadow variable.  Each hook is called at the point where a kernel
 * tracepoint of the same name would sit.
 */
#ifndef _KLP_COMPAT_TRACE_H
#define _KLP_COMPAT_TRACE_H

#include <linux/livepatch.h>

/*
 * trace_klp_state_callback() - a state callback is about to be called
 * @callback:	"pre_patch", "post_patch", "pre_unpatch" or "post_unpatch"
 */
void trace_klp_state_callback(const char *callback, struct klp_patch *patch,
			      struct klp_state *state);

/*
 * trace_klp_state_set_up() - a pre_patch or post_patch callback of @state
 * returned success: the state is in place.
 */
void trace_klp_state_set_up(const char *callback, struct klp_patch *patch,
			    struct klp_state *state);

/*
 * trace_klp_state_torn_down() - @state was removed: by a pre_unpatch or
 * post_unpatch callback, or by the core's free of its shadow variables
 * (@how is the callback's name or "shadow free").
 */
void trace_klp_state_torn_down(const char *how, struct klp_patch *patch,
			       struct klp_state *state);

/*
 * trace_klp_object_callback() - a per-object callback of generation A
 * (struct klp_callbacks) is about to be called for @obj
 * @callback:	"pre_patch", "post_patch", "pre_unpatch" or "post_unpatch"
 *
 * Only the legacy build of the core (CONFIG_KLP_GENERATION_A) calls the
 * trace_klp_object_*() hooks; the patch is the one whose objects @obj is
 * on.
 */
void trace_klp_object_callback(const char *callback, struct klp_object *obj);

/*
 * trace_klp_object_set_up() - a pre_patch or post_patch callback of @obj
 * returned success: whatever it changes is in place.
 */
void trace_klp_object_set_up(const char *callback, struct klp_object *obj);

/*
 * trace_klp_object_torn_down() - a pre_unpatch or post_unpatch callback
 * of @obj returned.
 */
void trace_klp_object_torn_down(const char *callback, struct klp_object *obj);

/*
 * trace_klp_shadow_alloc() - a shadow variable <@obj, @id> with @data was
 * created by code that returns to @caller.
 */
void trace_klp_shadow_alloc(void *obj, unsigned long id, void *data,
			    unsigned long caller);

/* trace_klp_shadow_ctor() - @ctor is about to run for the new <@obj, @id>. */
void trace_klp_shadow_ctor(void *obj, unsigned long id, void *data,
			   klp_shadow_ctor_t ctor);

/* trace_klp_shadow_dtor() - @dtor is about to run for <@obj, @id>. */
void trace_klp_shadow_dtor(void *obj, unsigned long id, void *data,
			   klp_shadow_dtor_t dtor);

/* trace_klp_shadow_free() - the variable with @data is gone. */
void trace_klp_shadow_free(void *obj, unsigned long id, void *data);

/*
 * trace_klp_state_shadow_free() - the core is about to free the shadow
 * variables of @state, an is_shadow state of @patch it removes:
 * klp_shadow_free_all(@state->id, @dtor), @dtor being the state's
 * shadow_dtor.  trace_klp_state_shadow_freed() - that free returned.
 */
void trace_klp_state_shadow_free(struct klp_patch *patch,
				 struct klp_state *state,
				 klp_shadow_dtor_t dtor);
void trace_klp_state_shadow_freed(struct klp_patch *patch,
				  struct klp_state *state,
				  klp_shadow_dtor_t dtor);

#endif /* _KLP_COMPAT_TRACE_H */
