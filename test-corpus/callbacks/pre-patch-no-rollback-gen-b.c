// callbacks-pre-patch-no-rollback under generation B headers: the POC's
// setup callback is the prepare role; it allocates and fails without
// freeing, and the message uses the POC's names.
// RUN: %klp-lint --checks=-*,callbacks-pre-patch-no-rollback %s -- %api-b -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/slab.h>

static void *cookie;

static int setup_cookie(struct klp_patch *patch, struct klp_state *state)
{
	void *c = kmalloc(32, GFP_KERNEL); // klp-note {{kmalloc() is here}}

	if (!c)
		return -ENOMEM;
	if (!patch->replace)
		return -EPERM; // klp-warning {{state 9: setup callback 'setup_cookie' returns an error here without undoing kmalloc() (line 14); the core runs neither release nor a shadow free for a state whose setup failed}}
	cookie = c;
	return 0;
}

static void release_cookie(struct klp_patch *patch, struct klp_state *state)
{
	kfree(cookie);
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };

static struct klp_state states[] = {
	{ .id = 9, .callbacks = { .setup = setup_cookie, .release = release_cookie } },
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
