// Ids are compared after folding: an enumerator, a shifted expression and
// a const object that all come to the same number are one id.
// RUN: %klp-lint --checks=-*,state-duplicate-id %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

#define BSC(nr, n) (((nr) << 6) | (n))

enum lp_ids { LP_NET = 0x41, LP_FS };
static const unsigned long lp_net_id = 65;

static int setup(struct klp_patch *patch, struct klp_state *state)
{
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = LP_NET, .callbacks = { .pre_patch = setup } }, // klp-note 2 {{the first state with id 'LP_NET' (65) is here}}
	{ .id = LP_FS },
	{ .id = BSC(1, 1), .is_shadow = true, .callbacks = { .pre_patch = setup } }, // klp-error {{state id 'BSC(1, 1)' (65) appears again in 'states'}}
	{ .id = lp_net_id }, // klp-error {{state id 'lp_net_id' (65) appears again in 'states'}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// Proof of findings (kernel-support/tests/proof/run-proof.py): the enable
// runs setup for id 65 twice, once for each copy that sets it.
// SPDX-License-Identifier: GPL-2.0-only
