// States built at run time in module init (spec §6.1: a state is also a
// klp_state lvalue assigned constant .id / .block_disable / .callbacks.*).
// state-missing-disable-callbacks (§6.2) judges them like initialised
// states, and reports at the state's first assignment:
//  - states[0]: pre_patch only -> flagged;
//  - states[1]: post_patch and post_unpatch -> silent;
//  - states[2]: pre_patch, pre_unpatch assigned NULL -> flagged;
//  - states[3]: pre_patch and block_disable = true -> silent.
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

#define ST_RT_SETUP 0x60
#define ST_RT_PAIRED 0x61
#define ST_RT_NULLED 0x62
#define ST_RT_BLOCKED 0x63

static int rt;

static int rt_on(struct klp_patch *patch, struct klp_state *state)
{
	rt = 1;
	return 0;
}

static void rt_live(struct klp_patch *patch, struct klp_state *state)
{
	rt = 2;
}

static void rt_off(struct klp_patch *patch, struct klp_state *state)
{
	rt = 0;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };
static struct klp_state states[5];

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static int livepatch_init(void)
{
	states[0].id = ST_RT_SETUP; // klp-warning {{state 'ST_RT_SETUP' (96) has a pre_patch callback but neither pre_unpatch nor post_unpatch and no block_disable}}
	states[0].callbacks.pre_patch = rt_on;

	states[1].id = ST_RT_PAIRED;
	states[1].callbacks.post_patch = rt_live;
	states[1].callbacks.post_unpatch = rt_off;

	states[2].id = ST_RT_NULLED; // klp-warning {{state 'ST_RT_NULLED' (98) has a pre_patch callback but neither pre_unpatch nor post_unpatch and no block_disable}}
	states[2].callbacks.pre_patch = rt_on;
	states[2].callbacks.pre_unpatch = NULL;

	states[3].id = ST_RT_BLOCKED;
	states[3].callbacks.pre_patch = rt_on;
	states[3].block_disable = true;

	return klp_enable_patch(&patch);
}

module_init(livepatch_init);

// Proof of findings (kernel-support/tests/proof/run-proof.py): ST_RT_BLOCKED
// has block_disable, so the replacement of the battery keeps it (lifting
// the block) and drops the others.
// PROOF: replacement keeps 0x63
