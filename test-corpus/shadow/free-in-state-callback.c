// Shadow variables of an is_shadow state freed by hand in the state's own
// callbacks (docs/semantics.md#rule-shadow-free-in-state-callback). SV_SOCK's
// post_unpatch frees them without a destructor: the core's free right after
// finds nothing, so the state's shadow_dtor sock_dtor never runs. SV_PEND's
// pre_unpatch frees them before the unpatching transition starts, while
// tasks still run the patched code.
// Proof of findings: the leak report names sock_dtor as never called; the
// transcript shows SV_PEND's variables freed before the transition.
// RUN: %klp-lint --checks=-*,shadow-free-in-state-callback %s -- %api-c -Xclang -verify=klp
// PROOF: call open_sock(&klp_sim_knobs)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_SOCK 0x110
#define SV_PEND 0x111

static void sock_dtor(void *obj, void *shadow_data)
{
}

static int open_sock(void *sock)
{
	klp_shadow_get_or_alloc(sock, SV_PEND, 8, GFP_ATOMIC, NULL, NULL);
	return klp_shadow_get_or_alloc(sock, SV_SOCK, 8, GFP_ATOMIC, NULL, NULL) ? 0 : -ENOMEM;
}

static void sock_post_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	klp_shadow_free_all(SV_SOCK, NULL); // klp-warning {{shadow variables of is_shadow state 'SV_SOCK' (272) are freed by hand by klp_shadow_free_all() in its post_unpatch callback 'sock_post_unpatch'; the core frees them itself right after post_unpatch, with the state's shadow_dtor: the core's free then finds nothing, so the state's shadow_dtor 'sock_dtor' never runs for them (this call passes no destructor) [shadow-free-in-state-callback]}}
}

static void pend_pre_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	klp_shadow_free_all(SV_PEND, NULL); // klp-warning {{shadow variables of is_shadow state 'SV_PEND' (273) are freed by hand by klp_shadow_free_all() in its pre_unpatch callback 'pend_pre_unpatch'; the core frees them itself right after post_unpatch, with the state's shadow_dtor: here they go while tasks still run the patched code: the unpatching transition has not started yet}}
}

static struct klp_func funcs[] = { { .old_name = "open_sock", .new_func = open_sock }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_SOCK, .is_shadow = true, // klp-note {{state 'SV_SOCK' (272) is declared here with is_shadow}}
	  .callbacks = { .post_unpatch = sock_post_unpatch, .shadow_dtor = sock_dtor } },
	{ .id = SV_PEND, .is_shadow = true, .callbacks = { .pre_unpatch = pend_pre_unpatch } }, // klp-note {{state 'SV_PEND' (273) is declared here with is_shadow}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
