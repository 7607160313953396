// A designated state initializer that leaves .id out has id 0, and an empty
// element in the middle is a terminator before its time: either way the
// walk of states[] stops there and the states after it are lost. The fix-it
// gives the state with callbacks a named constant (id-zero-fixes.test);
// the empty element is the author's to remove or to move.
// RUN: %klp-lint --checks=-*,state-id-zero %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

#define SYSCTL_STATE 3

static int save(struct klp_patch *patch, struct klp_state *state)
{
	return 0;
}

static void restore(struct klp_patch *patch, struct klp_state *state)
{
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ // klp-error {{element 0 of 'states' has state id 0 (no .id): the core's walk of states[] stops here, so this element and the 2 after it ('SYSCTL_STATE' (3), 4) get no callbacks}}
		.callbacks = { .pre_patch = save, .post_unpatch = restore },
	},
	{ .id = SYSCTL_STATE, .callbacks = { .pre_patch = save, .post_unpatch = restore } },
	{ }, // klp-error {{element 2 of 'states' has state id 0 (no .id) and sets nothing, but is not last: the core's walk of states[] stops here, so the element after it (4) gets no callbacks, no compatibility check and no shadow free}}
	{ .id = 4, .is_shadow = true },
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// Proof of findings: nothing of the missed elements is visible in the
// battery: they own no shadow variable the patched code allocates.
// PROOF: unshown 0: the missed elements own no shadow variable, and a callback that never runs leaves no line in klp-sim's transcript
// SPDX-License-Identifier: GPL-2.0-only
