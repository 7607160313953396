/*
 * Per-state callbacks, the shared-state rule, compatibility and
 * block_disable (livepatch-semantics.md sections 2, 3.1-3.9).
 */
#ifndef _LIVEPATCH_STATE_H
#define _LIVEPATCH_STATE_H

#include <linux/livepatch.h>

bool klp_is_patch_compatible(struct klp_patch *patch);
bool klp_patch_disable_blocked(struct klp_patch *patch);

int klp_states_pre_patch(struct klp_patch *patch);
void klp_states_post_patch(struct klp_patch *patch);
void klp_states_pre_unpatch(struct klp_patch *patch);
void klp_states_post_unpatch(struct klp_patch *patch);

void klp_states_pre_unpatch_replaced(struct klp_patch *patch);
void klp_states_post_unpatch_replaced(struct klp_patch *patch);
void klp_states_post_patch_replaced(struct klp_patch *patch);

#endif /* _LIVEPATCH_STATE_H */
