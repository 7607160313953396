// Look-alikes that must stay silent: a data member of another struct, the
// data a shadow variable returns, a local variable called data, a data
// member inside the state callbacks' own parameter names, and the member in
// comments. Generation C headers have no klp_state.data at all.
// RUN: %klp-lint --checks=-*,state-data-field %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define LOG_STATE 2

struct lp_cache {
	void *data;
	int len;
};

static struct lp_cache cache = { .data = NULL, .len = 0 };

/* state->data = kzalloc(...) was how it was done before v1 05/19. */
static int setup(struct klp_patch *patch, struct klp_state *state)
{
	void *data = klp_shadow_alloc(&cache, LOG_STATE, 8, GFP_KERNEL, NULL, NULL);

	cache.data = data;
	return cache.data ? 0 : -ENOMEM;
}

static void dtor(void *obj, void *data)
{
	((struct lp_cache *)obj)->data = NULL;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = LOG_STATE, .callbacks = { .pre_patch = setup, .shadow_dtor = dtor }, .is_shadow = true },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
