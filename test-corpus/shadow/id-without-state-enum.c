// Shadow ids that are enumerators and match a state that does not set
// is_shadow. docs/semantics.md#rule-shadow-id-without-state, variant (b): the state
// exists, but without is_shadow the core does not free the shadow variables
// of its id when the state is removed (docs/semantics.md#shadow-freeing). The finding is at the call,
// with a note at the matching state's initializer (set .is_shadow = true)
// and one at the enumerator. is_shadow left out and `.is_shadow = false` are
// the same; the enumerator whose state has is_shadow is silent.
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

enum shadow_ids {
	SV_SOCK_EXTRA = 0x100, // klp-note {{id 'SV_SOCK_EXTRA' is defined here}}
	SV_INODE_EXTRA, // klp-note {{id 'SV_INODE_EXTRA' is defined here}}
	SV_TASK_EXTRA,
};

static void *sock_extra(void *sk)
{
	return klp_shadow_get_or_alloc(sk, SV_SOCK_EXTRA, 8, GFP_KERNEL, NULL, NULL); // klp-warning {{shadow variable id 'SV_SOCK_EXTRA' (256) used by klp_shadow_get_or_alloc() matches a state without is_shadow; these shadow variables are never freed when the state is removed [shadow-id-without-state]}}
}

static void inode_drop(void *inode)
{
	klp_shadow_free(inode, SV_INODE_EXTRA, NULL); // klp-warning {{shadow variable id 'SV_INODE_EXTRA' (257) used by klp_shadow_free() matches a state without is_shadow}}
}

static void *task_extra(void *task)
{
	return klp_shadow_get(task, SV_TASK_EXTRA);
}

static struct klp_func funcs[] = {
	{ .old_name = "sock_extra", .new_func = sock_extra },
	{ .old_name = "inode_drop", .new_func = inode_drop },
	{ .old_name = "task_extra", .new_func = task_extra },
	{}
};
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_SOCK_EXTRA }, // klp-note {{state 'SV_SOCK_EXTRA' (256) is declared here; set .is_shadow = true}}
	{ .id = SV_INODE_EXTRA, .is_shadow = false }, // klp-note {{state 'SV_INODE_EXTRA' (257) is declared here; set .is_shadow = true}}
	{ .id = SV_TASK_EXTRA, .is_shadow = true },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// Proof of findings (kernel-support/tests/proof/run-proof.py) runs the
// patched code after each enable of the battery:
// PROOF: call sock_extra(&klp_sim_knobs)
// PROOF: call inode_drop(&klp_sim_knobs)
// PROOF: call task_extra(&klp_sim_knobs)
// PROOF: unshown 257: only klp_shadow_free() uses SV_INODE_EXTRA; nothing in this module allocates such a variable
// SPDX-License-Identifier: GPL-2.0-only
