// Module scope: the helper that calls klp_get_prev_state() is in another
// file of the module, and so is the module's init that reaches it; the
// state callbacks that call the same helper are where it belongs. Judged
// once the whole module is in (CLI, -p and both kbuild modes).
// RUN: %klp-lint --checks=-*,state-get-prev-state-context %s %S/Inputs/get-prev-state-context-multi/helpers.c -- %api-c 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:
// RUN: %klp-lint --checks=-*,state-get-prev-state-context %S/Inputs/get-prev-state-context-multi/helpers.c %s -- %api-c 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:
// CHECK: helpers.c:9:9: warning: klp_get_prev_state() called in 'fs_prev_level', which module init 'fs_init' reaches: 'fs_init' runs outside a transition, where klp_get_prev_state() warns once and returns NULL; call it only from state or per-object callbacks [state-get-prev-state-context]
// CHECK: helpers.c:17:1: note: 'fs_init' is registered here
// helpers.c alone defines no struct klp_patch: not a livepatch, so nothing
// is judged, which shows that the files really were joined above.
// RUN: %klp-lint --checks=-*,state-get-prev-state-context %S/Inputs/get-prev-state-context-multi/helpers.c -- %api-c 2>&1 | count 0

#include <linux/livepatch.h>
#include <linux/module.h>

#define FS_STATE 6

int fs_prev_level(unsigned long id);

static void fs_enable(struct klp_patch *patch, struct klp_state *state)
{
	fs_prev_level(FS_STATE);
}

static void fs_disable(struct klp_patch *patch, struct klp_state *state)
{
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = FS_STATE, .callbacks = { .post_patch = fs_enable, .pre_unpatch = fs_disable } },
	{}
};

struct klp_patch fs_patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
