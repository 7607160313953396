// Look-alikes of the shadow API and of states. docs/semantics.md#rule-shadow-id-without-state
// concerns calls of the core's klp_shadow_* functions and struct
// klp_state. None of these is one: a local function named like the API
// (my_klp_shadow_get), a function pointer member named klp_shadow_get, and
// the module's own struct with members id and is_shadow. So the look-alike
// calls are silent, the look-alike "state" gets no variant (c) note, and it
// does not own SV_FAKE: the one real call with SV_FAKE is still reported.
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_REAL 81
#define SV_FAKE 82 // klp-note 2 {{id 'SV_FAKE' is defined here}}

struct fake_state {
	unsigned long id;
	bool is_shadow;
	bool block_disable;
};

struct shadow_ops {
	void *(*klp_shadow_get)(void *obj, unsigned long id);
	void (*klp_shadow_free_all)(unsigned long id, klp_shadow_dtor_t dtor);
};

static struct fake_state fake_states[] = {
	{ .id = SV_FAKE, .is_shadow = true },
	{ .id = 83, .is_shadow = true },
	{}
};

static void *my_klp_shadow_get(void *obj, unsigned long id)
{
	return id == SV_FAKE ? obj : NULL;
}

static void *patched_fn(void *obj, struct shadow_ops *ops)
{
	fake_states[1].is_shadow = false;
	ops->klp_shadow_get(obj, SV_FAKE);
	ops->klp_shadow_free_all(84, NULL);
	my_klp_shadow_get(obj, 85);
	klp_shadow_get_or_alloc(obj, SV_REAL, 4, GFP_KERNEL, NULL, NULL);
	return klp_shadow_get(obj, SV_FAKE); // klp-warning {{shadow variable id 'SV_FAKE' (82) used by klp_shadow_get() matches no state of this livepatch}}
}

static struct klp_func funcs[] = { { .old_name = "orig_fn", .new_func = patched_fn }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = { // klp-note 2 {{the livepatch's states are declared in 'states'}}
	{ .id = SV_REAL, .is_shadow = true },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// Proof of findings (kernel-support/tests/proof/run-proof.py): the battery
// runs run_patched_fn, which gives patched_fn look-alike operations that do
// nothing and first allocates the SV_FAKE variable patched_fn reads.
// PROOF: call run_patched_fn(&klp_sim_knobs)
static void *ops_get(void *obj, unsigned long id)
{
	return NULL;
}

static void ops_free_all(unsigned long id, klp_shadow_dtor_t dtor)
{
}

static struct shadow_ops proof_ops = { ops_get, ops_free_all };

static void *run_patched_fn(void *obj)
{
	klp_shadow_alloc(obj, SV_FAKE, 4, GFP_KERNEL, NULL, NULL); // klp-warning {{shadow variable id 'SV_FAKE' (82) used by klp_shadow_alloc() matches no state of this livepatch}}
	return patched_fn(obj, &proof_ops);
}
// SPDX-License-Identifier: GPL-2.0-only
