// Shadow ids in a generation B (POC) livepatch. B already has is_shadow and
// the shadow_dtor, so both variants of docs/semantics.md#rule-shadow-id-without-state
// apply as under C: (a) an id with no state, (b) an id whose state lacks
// is_shadow. The states here use B's other members (setup/release
// callbacks, data) to show that they do not matter for the id match.
// RUN: %klp-lint --checks=-*,shadow-id-without-state %s -- %api-b -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_B_OWNED 0x71
#define SV_B_PLAIN 0x72 // klp-note {{id 'SV_B_PLAIN' is defined here}}
#define SV_B_NONE 0x73 // klp-note {{id 'SV_B_NONE' is defined here}}

static int cfg;

static int b_setup(struct klp_patch *patch, struct klp_state *state)
{
	cfg = 1;
	return 0;
}

static void b_release(struct klp_patch *patch, struct klp_state *state)
{
	cfg = 0;
}

static void *patched_fn(void *obj)
{
	klp_shadow_get_or_alloc(obj, SV_B_OWNED, 8, GFP_KERNEL, NULL, NULL);
	klp_shadow_alloc(obj, SV_B_NONE, 8, GFP_KERNEL, NULL, NULL); // klp-warning {{shadow variable id 'SV_B_NONE' (115) used by klp_shadow_alloc() matches no state of this livepatch}}
	return klp_shadow_get(obj, SV_B_PLAIN); // klp-warning {{shadow variable id 'SV_B_PLAIN' (114) used by klp_shadow_get() matches a state without is_shadow}}
}

static struct klp_func funcs[] = { { .old_name = "orig_fn", .new_func = patched_fn }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = { // klp-note {{the livepatch's states are declared in 'states'}}
	{ .id = SV_B_OWNED, .is_shadow = true, .callbacks = { .setup = b_setup, .release = b_release } },
	{ .id = SV_B_PLAIN, .data = &cfg, .callbacks.setup = b_setup, .callbacks.release = b_release }, // klp-note {{state 'SV_B_PLAIN' (114) is declared here; set .is_shadow = true}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
