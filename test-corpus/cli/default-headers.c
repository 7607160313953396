// With neither a compile database nor compiler arguments, klp-lint parses
// the file against its embedded copy of kernel-support's generation C
// headers (the canonical API, docs/semantics.md#role-mapping). This livepatch includes
// <linux/livepatch.h> and is given no -I at all; it is analyzed, and its
// state without a teardown is reported (state-missing-disable-callbacks,
// docs/semantics.md#rules). An empty argument list after `--` means the same.
// RUN: %klp-lint %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %klp-lint %s -- 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#include <linux/livepatch.h>
#include <linux/module.h>

#define ST_DEFAULT 0x99

static int value;

static int value_on(struct klp_patch *patch, struct klp_state *state)
{
	value = 1;
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = ST_DEFAULT, .callbacks.pre_patch = value_on },
	// CHECK: default-headers.c:[[@LINE-1]]:2: warning: state 'ST_DEFAULT' (153) has a pre_patch callback but neither pre_unpatch nor post_unpatch and no block_disable; {{.*}} [state-missing-disable-callbacks]
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
