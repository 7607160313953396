// Look-alikes that must stay silent: a version member of another struct, a
// version variable, a struct module's version-like fields, and the member
// in comments. Generation C headers have no versions at all.
// RUN: %klp-lint --checks=-*,state-version-field %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

#define LP_VERSION 2

struct lp_info {
	unsigned int version;
	const char *name;
};

static struct lp_info info = { .version = LP_VERSION, .name = "lp" };
static unsigned int version = 1;

/* .version = 2 used to refuse downgrades; block_disable does it now. */
static int setup(struct klp_patch *patch, struct klp_state *state)
{
	return info.version > version ? 0 : -EINVAL;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = 1, .callbacks = { .pre_patch = setup }, .block_disable = true },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
