// Generation A look-alikes: two patches of one file that each carry id 1
// (two modules' worth of states, not one array), and one id with two
// versions across them.
// RUN: %klp-lint --checks=-*,state-duplicate-id %s -- %api-a -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state v1_states[] = { { .id = 1, .version = 1 }, {} };
static struct klp_state v2_states[] = { { .id = 1, .version = 2 }, { .id = 2 }, {} };

static struct klp_patch v1_patch = { .mod = THIS_MODULE, .objs = objs, .states = v1_states };
static struct klp_patch v2_patch = { .mod = THIS_MODULE, .objs = objs, .states = v2_states };
// SPDX-License-Identifier: GPL-2.0-only
