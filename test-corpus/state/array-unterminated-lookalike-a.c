// Generation A look-alikes: states[] ended by { 0, 0, NULL }, a patch
// without states, and an objs[]-like array of another struct.
// RUN: %klp-lint --checks=-*,state-array-unterminated %s -- %api-a -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

struct lp_entry {
	unsigned long id;
	unsigned int version;
};

static struct lp_entry entries[] = { { 1, 1 }, { 2, 1 } };

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = { { 1, 1, NULL }, { 0, 0, NULL } };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static struct klp_patch plain = {
	.mod = THIS_MODULE,
	.objs = objs,
};
// SPDX-License-Identifier: GPL-2.0-only
