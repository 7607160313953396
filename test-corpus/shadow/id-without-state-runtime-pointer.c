// States built at run time the way the v1 sample builds them: a kzalloc'd
// array, one state per enabled feature, filled through a pointer in a loop,
// with ids computed from the loop index. Those states count (their ids are
// unknown), and their callbacks reach the shadow API with "state->id",
// which inside a state's callback is that state's id. A constant id that
// matches none of the static states is not reported while an is_shadow
// state of unknown id exists: it may be that id's state (cannot decide is
// silence). There is no variant (c) note either: no state of known id.
// RUN: %klp-lint --checks=-shadow-id-literal %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/slab.h>

#define FEATURE_COUNT 2
#define FEATURE_FIRST_ID 10
#define feature_id(idx) ((idx) + FEATURE_FIRST_ID)

static bool feature_on[FEATURE_COUNT];
static void *anchor;

static int allocate_note(unsigned long id)
{
	return klp_shadow_alloc(anchor, id, 16, GFP_KERNEL, NULL, NULL) ? 0 : -ENOMEM;
}

static int feature_pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	return allocate_note(state->id);
}

static void feature_post_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	klp_shadow_get(anchor, state->id);
}

static void *patched_greeting(void *obj)
{
	klp_shadow_get(anchor, FEATURE_FIRST_ID);
	return klp_shadow_get(anchor, 99);
}

static struct klp_func funcs[] = { { .old_name = "greeting", .new_func = patched_greeting }, {} };
static struct klp_object objs[] = { { .name = "speaker", .funcs = funcs }, {} };
static struct klp_patch patch = { .mod = THIS_MODULE, .objs = objs };
static struct klp_state *feature_states;

static int build_states(void)
{
	int idx, used = 0;

	feature_states = kzalloc(sizeof(*feature_states) * (FEATURE_COUNT + 1), GFP_KERNEL);
	if (!feature_states)
		return -ENOMEM;
	patch.states = feature_states;
	for (idx = 0; idx < FEATURE_COUNT; idx++) {
		struct klp_state *state;

		if (!feature_on[idx])
			continue;
		state = &feature_states[used++];
		state->id = feature_id(idx);
		state->is_shadow = true;
		state->callbacks.pre_patch = feature_pre_patch;
		state->callbacks.post_unpatch = feature_post_unpatch;
	}
	return 0;
}

static int lp_init(void)
{
	int err = build_states();

	return err ? err : klp_enable_patch(&patch);
}

module_init(lp_init);
// SPDX-License-Identifier: GPL-2.0-only
