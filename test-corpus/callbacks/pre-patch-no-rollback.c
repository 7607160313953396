// callbacks-pre-patch-no-rollback
// (docs/semantics.md#rule-callbacks-pre-patch-no-rollback): the state's
// pre_patch allocates its shadow variable, then gives up when the feature
// is not ready, without freeing it. When pre_patch fails the core runs
// neither post_unpatch nor the shadow free of an is_shadow state for that
// state (DER-7, CB-2): after the failed insmod the shadow variable is still
// live, allocated by a module that is gone. The allocation's own failure
// (!sv) is no side effect to undo.
// RUN: %klp-lint --checks=-*,callbacks-pre-patch-no-rollback %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_SESSION 7

extern int klp_sim_knobs[];

struct session {
	int saved;
};

static bool feature_ready;

static int session_pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	struct session *sv;

	sv = klp_shadow_alloc(&klp_sim_knobs[SV_SESSION], SV_SESSION, sizeof(*sv), // klp-note {{klp_shadow_alloc() of id 'SV_SESSION' (7) is here}}
			      GFP_KERNEL, NULL, NULL);
	if (!sv)
		return -ENOMEM;
	if (!feature_ready)
		return -ENODEV; // klp-warning {{state 'SV_SESSION' (7): pre_patch callback 'session_pre_patch' returns an error here without undoing klp_shadow_alloc() of id 'SV_SESSION' (7) (line 28); the core runs neither post_unpatch nor a shadow free for a state whose pre_patch failed, so what it did stays done after the failed enable [callbacks-pre-patch-no-rollback]}}
	sv->saved = klp_sim_knobs[SV_SESSION];
	return 0;
}

static void session_post_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	pr_info("%s\n", __func__);
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };

static struct klp_state states[] = {
	{
		.id = SV_SESSION,
		.is_shadow = true,
		.callbacks = {
			.pre_patch = session_pre_patch,
			.post_unpatch = session_post_unpatch,
		},
	},
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
