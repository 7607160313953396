// Look-alikes that must stay silent: every way of ending states[] (an empty
// element, { 0 }, .id = 0, a macro, room left in a sized array), arrays of
// another struct with an id member, a klp_state array no patch refers to,
// and an array whose id 0 comes early (state-id-zero's finding: the walk
// stops there).
// RUN: %klp-lint --checks=-*,state-array-unterminated %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

#define KLP_STATES_END { }

struct lp_stat {
	unsigned long id;
	unsigned long count;
};

static struct lp_stat stats[] = { { .id = 1 }, { .id = 2 } };

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state a[] = { { .id = 1 }, {} };
static struct klp_state b[] = { { .id = 1 }, { 0 } };
static struct klp_state c[] = { { .id = 1 }, { .id = 0 } };
static struct klp_state d[] = { { .id = 1 }, KLP_STATES_END };
static struct klp_state e[3] = { { .id = 1 }, { .id = 2 } };
static struct klp_state f[] = { { .id = 1 }, { .id = 0, .is_shadow = true }, { .id = 2 } };
static struct klp_state unused[] = { { .id = 5 } };

static struct klp_patch pa = { .mod = THIS_MODULE, .objs = objs, .states = a };
static struct klp_patch pb = { .mod = THIS_MODULE, .objs = objs, .states = b };
static struct klp_patch pc = { .mod = THIS_MODULE, .objs = objs, .states = c };
static struct klp_patch pd = { .mod = THIS_MODULE, .objs = objs, .states = d };
static struct klp_patch pe = { .mod = THIS_MODULE, .objs = objs, .states = &e[0] };
static struct klp_patch pf = { .mod = THIS_MODULE, .objs = objs, .states = f };
static struct klp_patch pg = { .mod = THIS_MODULE, .objs = objs, .states = (struct klp_state[]){ { 4 }, { } } };
// SPDX-License-Identifier: GPL-2.0-only
