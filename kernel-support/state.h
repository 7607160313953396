/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-state callbacks, the shared-state rule, compatibility and
 * block_disable (docs/semantics.md#model and docs/semantics.md#ordering).
 *
 * The legacy build (CONFIG_KLP_GENERATION_A) has only the compatibility
 * check, with the version rule of generation A (legacy/state.c); the
 * klp_states_*() functions exist only in generation C.
 */
#ifndef _LIVEPATCH_STATE_H
#define _LIVEPATCH_STATE_H

#include <linux/livepatch.h>

#ifdef CONFIG_KLP_GENERATION_A
/*
 * Generation A keeps this walk inside the core (kernel/livepatch/state.h);
 * its public header has no per-state callbacks to walk for.
 */
#define klp_for_each_state(patch, state)				\
	for (state = (patch)->states; (state) && (state)->id; state++)
#endif

bool klp_is_patch_compatible(struct klp_patch *patch);

#ifndef CONFIG_KLP_GENERATION_A
bool klp_patch_disable_blocked(struct klp_patch *patch);

int klp_states_pre_patch(struct klp_patch *patch);
void klp_states_post_patch(struct klp_patch *patch);
void klp_states_pre_unpatch(struct klp_patch *patch);
void klp_states_post_unpatch(struct klp_patch *patch);

void klp_states_pre_unpatch_replaced(struct klp_patch *patch);
void klp_states_post_unpatch_replaced(struct klp_patch *patch);
void klp_states_post_patch_replaced(struct klp_patch *patch);
#endif

#endif /* _LIVEPATCH_STATE_H */
