// A fixed-size states[] filled at run time: once the last element gets a
// non-zero id, nothing ends the array. A size written in the declaration
// has no room for "{ }", so there is no fix-it. An array with a spare zero
// element, or filled in a loop whose indices are not constant, is not
// reported.
// RUN: %klp-lint --checks=-*,state-array-unterminated %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

#define NR_STATES 2

enum { PROC_STATE = 1, TRACE_STATE };

static int setup(struct klp_patch *patch, struct klp_state *state)
{
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };
static struct klp_state states[NR_STATES]; // klp-error {{states[] array 'states' has no element with id 0 to end it: the core walks states[] until it finds one, so after the last element (index 1, state id 'TRACE_STATE' (2)) it reads past the end of the array}}
static struct klp_state roomy[NR_STATES + 1];
static struct klp_state looped[NR_STATES];

static struct klp_patch patch = { .mod = THIS_MODULE, .objs = objs, .states = states };
static struct klp_patch roomy_patch = { .mod = THIS_MODULE, .objs = objs, .states = roomy };
static struct klp_patch looped_patch = { .mod = THIS_MODULE, .objs = objs, .states = looped };

static int lp_init(void)
{
	int i;

	states[0].id = PROC_STATE;
	states[0].callbacks.pre_patch = setup;
	states[1].id = TRACE_STATE;
	roomy[0].id = PROC_STATE;
	roomy[1].id = TRACE_STATE;
	for (i = 0; i < NR_STATES; i++)
		looped[i].id = PROC_STATE + i;
	return klp_enable_patch(&patch);
}
module_init(lp_init);
// SPDX-License-Identifier: GPL-2.0-only
