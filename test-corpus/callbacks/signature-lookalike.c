// callbacks-signature look-alikes that must stay silent: members named
// pre_patch and shadow_dtor in the module's own struct, with functions of
// other types behind casts; right functions, also behind a cast to the
// slot's own type or with a const-qualified pointee; a function pointer
// variable (not a function) in a slot; a function without a prototype; and
// the pattern in a comment.
// RUN: %klp-lint --checks=-*,callbacks-signature %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

struct my_hooks {
	int (*pre_patch)(int);
	void (*shadow_dtor)(int, int, int);
};

static void not_a_hook(void)
{
}

static struct my_hooks hooks = {
	.pre_patch = (void *)not_a_hook,
	.shadow_dtor = (void *)not_a_hook,
};

static int pre(struct klp_patch *patch, struct klp_state *state)
{
	return 0;
}

static void post(const struct klp_patch *patch, const struct klp_state *state)
{
}

static void dtor(void *obj, void *shadow_data)
{
}

static int no_prototype()
{
	return 0;
}

static int (*chosen_pre)(struct klp_patch *, struct klp_state *) = pre;

static struct klp_state states[] = {
	{ .id = 1, .callbacks = { .pre_patch = pre, .post_patch = (void (*)(struct klp_patch *, struct klp_state *))post } },
	{ .id = 2, .callbacks = { .shadow_dtor = (klp_shadow_dtor_t)dtor, .pre_patch = no_prototype } },
	{ }
};

void drop(void *obj)
{
	klp_shadow_free(obj, 1, (klp_shadow_dtor_t)dtor);
	hooks.pre_patch = (void *)drop;
	states[1].callbacks.pre_patch = chosen_pre;
}

/* .pre_patch = (void *)not_a_hook, is in a comment */

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };
static struct klp_patch patch = { .mod = THIS_MODULE, .objs = objs, .states = states };
// SPDX-License-Identifier: GPL-2.0-only
