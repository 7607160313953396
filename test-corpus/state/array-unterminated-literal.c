// The states of a patch given as a compound literal, one line, without the
// terminator; and an array whose last element is written by a macro.
// RUN: %klp-lint --checks=-*,state-array-unterminated %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

#define SYSCTL_STATE 0x21
#define SHADOW_STATE(nr) { .id = (nr), .is_shadow = true }

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = (struct klp_state[]){ { .id = SYSCTL_STATE, .block_disable = true } }, // klp-error {{the states[] of 'patch' has no element with id 0 to end it: the core walks states[] until it finds one, so after the last element (index 0, state id 'SYSCTL_STATE' (33)) it reads past the end of the array}}
};

static struct klp_state shadow_states[] = { // klp-error {{states[] array 'shadow_states' has no element with id 0 to end it: the core walks states[] until it finds one, so after the last element (index 1, state id 8) it reads past the end of the array}}
	SHADOW_STATE(7), SHADOW_STATE(8)
};

static struct klp_patch shadow_patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = shadow_states,
};

// Proof of findings: the module's init enables 'patch', whose walk of its
// compound literal AddressSanitizer reports; the battery never enables
// shadow_patch.
// PROOF: unshown shadow_states: the battery enables only the module's first patch; klp-sim stops at the first bad read, which is that patch's array
// SPDX-License-Identifier: GPL-2.0-only
