// patch-klp-build-states, silent: the file includes
// linux/livepatch_helpers.h (for KLP_*_CALLBACK) but defines its own
// struct klp_patch with its states, so it is not klp-build's init.c that
// writes the patch.
// RUN: %klp-lint --checks=-*,patch-klp-build-states %s -- %api-a -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/livepatch_helpers.h>
#include <linux/module.h>

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };
static struct klp_state states[] = { { .id = 1, .version = 1 }, { } };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

static void lookup(struct klp_object *obj)
{
	klp_get_state(&patch, 1);
}

KLP_POST_PATCH_CALLBACK(lookup);
// SPDX-License-Identifier: GPL-2.0-only
