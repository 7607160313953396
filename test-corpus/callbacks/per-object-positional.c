// Per-object callbacks given by position: `callbacks` is the third member of
// generation A's struct klp_object (docs/semantics.md#generation-a), and its four function pointers are
// in the order pre_patch, post_patch, pre_unpatch, post_unpatch. docs/semantics.md#rules
// callbacks-per-object, spelling 1 ("or by position (third member)"). The
// role must come from the position, not from the function's name: the
// functions here are deliberately named unlike their roles. Objects whose
// callbacks are all NULL or 0 have no callback and stay silent.
// RUN: %klp-lint --checks=-callbacks-per-object-unpaired %s -- %api-a -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>

static int level;

static int alpha(struct klp_object *obj)
{
	level = 1;
	return 0;
}

static void beta(struct klp_object *obj)
{
	level = 2;
}

static void gamma(struct klp_object *obj)
{
	level = 3;
}

static void delta(struct klp_object *obj)
{
	level = 4;
}

static struct klp_func vm_funcs[] = { { "cmdline_proc_show", NULL, 0 }, { NULL, NULL, 0 } };
static struct klp_func xfs_funcs[] = { { "xfs_file_open", NULL, 0 }, { NULL, NULL, 0 } };
static struct klp_func btrfs_funcs[] = { { "btrfs_sync_fs", NULL, 0 }, { NULL, NULL, 0 } };
static struct klp_func jbd2_funcs[] = { { "jbd2_journal_start", NULL, 0 }, { NULL, NULL, 0 } };

static struct klp_object objs[] = {
	{ NULL, vm_funcs, {
		alpha, // klp-warning {{per-object pre_patch callback 'alpha' of object 'vmlinux' set in a struct klp_object initializer; an atomic replace never runs the replaced patch's pre_unpatch or post_unpatch callbacks, so what its callbacks set up stays; per-state callbacks fix that: move it to the pre_patch callback of a struct klp_state [callbacks-per-object]}}
		beta, // klp-warning {{per-object post_patch callback 'beta' of object 'vmlinux' set in a struct klp_object initializer; an atomic replace never runs the replaced patch's pre_unpatch or post_unpatch callbacks, so what its callbacks set up stays; per-state callbacks fix that: move it to the post_patch callback of a struct klp_state [callbacks-per-object]}}
		gamma, // klp-warning {{per-object pre_unpatch callback 'gamma' of object 'vmlinux' set in a struct klp_object initializer; an atomic replace never runs the replaced patch's pre_unpatch or post_unpatch callbacks, so what its callbacks set up stays; per-state callbacks fix that: move it to the pre_unpatch callback of a struct klp_state [callbacks-per-object]}}
		delta, // klp-warning {{per-object post_unpatch callback 'delta' of object 'vmlinux' set in a struct klp_object initializer; an atomic replace never runs the replaced patch's pre_unpatch or post_unpatch callbacks, so what its callbacks set up stays; per-state callbacks fix that: move it to the post_unpatch callback of a struct klp_state [callbacks-per-object]}}
	} },
	{ "xfs", xfs_funcs, { NULL, beta } }, // klp-warning {{per-object post_patch callback 'beta' of object 'xfs' set in a struct klp_object initializer}} klp-note {{callbacks of object 'xfs' also run whenever module 'xfs' loads or unloads}}
	{ "btrfs", btrfs_funcs, { NULL, NULL, NULL, NULL } },
	{ "jbd2", jbd2_funcs, { 0 } },
	{ NULL, NULL, { NULL } }
};

static struct klp_patch patch = { THIS_MODULE, objs, NULL, false };
// SPDX-License-Identifier: GPL-2.0-only
