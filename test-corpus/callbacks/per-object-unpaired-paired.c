// Look-alikes that must stay silent: objects whose setup is undone. A
// pre_unpatch alone counts (vmlinux), as does a post_unpatch alone, given by
// position (the third member's fourth function, btrfs); an object with only
// teardown callbacks sets nothing up (xfs); an object with no callbacks at
// all has nothing to pair. In one translation unit kpatch's macros are one
// object's: a pre_patch macro is paired by a post_unpatch macro.
// RUN: %klp-lint --checks=-*,callbacks-per-object-unpaired %s -- %api-a -Xclang -verify=klp
// klp-no-diagnostics

#include <kpatch-macros.h>
#include <linux/livepatch.h>
#include <linux/module.h>

static int state;

static int prepare(struct klp_object *obj)
{
	state = 1;
	return 0;
}

static void activate(struct klp_object *obj)
{
	state = 2;
}

static void undo(struct klp_object *obj)
{
	state = 0;
}

KPATCH_PRE_PATCH_CALLBACK(prepare);
KPATCH_POST_UNPATCH_CALLBACK(undo);

static struct klp_func vm_funcs[] = { { "cmdline_proc_show", NULL, 0 }, { NULL, NULL, 0 } };
static struct klp_func btrfs_funcs[] = { { "btrfs_sync_fs", NULL, 0 }, { NULL, NULL, 0 } };
static struct klp_func xfs_funcs[] = { { "xfs_file_open", NULL, 0 }, { NULL, NULL, 0 } };
static struct klp_func jbd2_funcs[] = { { "jbd2_journal_start", NULL, 0 }, { NULL, NULL, 0 } };

static struct klp_object objs[] = {
	{ .funcs = vm_funcs, .callbacks = { .post_patch = activate, .pre_unpatch = undo } },
	{ "btrfs", btrfs_funcs, { prepare, activate, NULL, undo } },
	{ .name = "xfs", .funcs = xfs_funcs, .callbacks.post_unpatch = undo },
	{ .name = "jbd2", .funcs = jbd2_funcs },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};
// SPDX-License-Identifier: GPL-2.0-only
