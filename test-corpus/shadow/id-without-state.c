// Shadow variables whose id is a macro that matches no state of the
// livepatch. docs/semantics.md#rule-shadow-id-without-state, variant (a): no is_shadow
// state owns id SV_LEAK, so the core never frees these variables when the
// patch is disabled or replaced. Each API call with that id is reported at
// the call, with a note at the states array and one at the macro. The id
// SV_OWNED belongs to an is_shadow state and is silent, for every API.
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_OWNED 7
#define SV_LEAK 5 // klp-note 4 {{id 'SV_LEAK' is defined here}}

struct conn;

static void *track_conn(struct conn *c)
{
	void *p = klp_shadow_get_or_alloc(c, SV_OWNED, 16, GFP_KERNEL, NULL, NULL);

	if (!klp_shadow_get(c, SV_OWNED))
		return NULL;
	klp_shadow_free(c, SV_OWNED, NULL);
	klp_shadow_free_all(SV_OWNED, NULL);
	return p;
}

static void *leak_conn(struct conn *c)
{
	void *p = klp_shadow_alloc(c, SV_LEAK, 16, GFP_KERNEL, NULL, NULL); // klp-warning {{shadow variable id 'SV_LEAK' (5) used by klp_shadow_alloc() matches no state of this livepatch; these shadow variables are never freed when the patch is disabled or replaced [shadow-id-without-state]}}

	if (klp_shadow_get(c, SV_LEAK) != p) // klp-warning {{shadow variable id 'SV_LEAK' (5) used by klp_shadow_get() matches no state of this livepatch}}
		return NULL;
	klp_shadow_free_all(SV_LEAK, NULL); // klp-warning {{shadow variable id 'SV_LEAK' (5) used by klp_shadow_free_all() matches no state of this livepatch}}
	return p;
}

static struct klp_func funcs[] = {
	{ .old_name = "track_conn", .new_func = track_conn },
	{ .old_name = "leak_conn", .new_func = leak_conn },
	{}
};
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = { // klp-note 4 {{the livepatch's states are declared in 'states'}}
	{ .id = SV_OWNED, .is_shadow = true },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// Proof of findings (kernel-support/tests/proof/run-proof.py): track_conn
// and leak_conn free what they allocate before they return, so the battery
// runs open_conn, patched code that allocates a variable of each id and
// keeps it. After the patch is disabled, and after a replace, the core has
// freed the SV_OWNED variable but the SV_LEAK one is still allocated;
// re-enabling allocates it again and warns "Duplicate shadow variable".
// PROOF: call open_conn(&klp_sim_knobs)
static void *open_conn(struct conn *c)
{
	klp_shadow_alloc(c, SV_OWNED, 16, GFP_KERNEL, NULL, NULL);
	return klp_shadow_alloc(c, SV_LEAK, 16, GFP_KERNEL, NULL, NULL); // klp-warning {{shadow variable id 'SV_LEAK' (5) used by klp_shadow_alloc() matches no state of this livepatch}}
}
// SPDX-License-Identifier: GPL-2.0-only
