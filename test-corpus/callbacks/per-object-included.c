// A livepatch split into .c files that the main file #includes (a common
// kpatch/klp-build layout). The included .c file is part of the livepatch,
// not of the kernel, so callbacks-per-object reports the per-object
// callbacks inside it, at their lines in that file (docs/semantics.md#rules, spellings 1 and
// 2). The expectations are in Inputs/per-object-included/objects.c.
// RUN: %klp-lint --checks=-callbacks-per-object-unpaired %s -- %api-a -Xclang -verify=klp
// PROOF: unshown pre_patch: 'nf_prepare' is a callback of module object nf_conntrack, which the proof battery does not load, so it never runs
// PROOF: unshown post_unpatch: 'nf_restore' is a callback of module object nf_conntrack, which the proof battery does not load, so it never runs

#include <linux/livepatch.h>
#include <linux/module.h>

#include "Inputs/per-object-included/objects.c"

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static int livepatch_init(void)
{
	rewire();
	return klp_enable_patch(&patch);
}

module_init(livepatch_init);
// SPDX-License-Identifier: GPL-2.0-only
