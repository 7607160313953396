// callbacks-per-object-unpaired applies to generation A code judged by its
// own kernel only. Under generation A headers (first RUN) the object's lone
// pre_patch is flagged. With --target-api=v1 (second RUN) A code is judged
// as code to move to per-state callbacks, which callbacks-per-object says:
// this check is off. Under generation C headers (third RUN) struct
// klp_object has no callbacks member: the code does not compile as it is,
// which callbacks-per-object reports (and keeps the compiler's error out),
// and there is no A semantics to judge it by; under generation B headers
// (fourth RUN) the same.
// RUN: %klp-lint --checks=-*,callbacks-per-object-unpaired %s -- %api-a 2>&1 | FileCheck %s --check-prefix=A --implicit-check-not=warning: --implicit-check-not=error:
// A: other-gens.c:[[@LINE+22]]:48: warning: object 'vmlinux' has per-object pre_patch callback 'prepare' but neither pre_unpatch nor post_unpatch; what it sets up is not undone when the patch is disabled: add a pre_unpatch or post_unpatch callback that undoes it [callbacks-per-object-unpaired]
// RUN: %klp-lint --target-api=v1 --checks=-*,callbacks-per-object-unpaired %s -- %api-a -Xclang -verify=klp
// RUN: %klp-lint --checks=-*,callbacks-per-object* %s -- %api-c 2>&1 | FileCheck %s --check-prefix=NOT-A --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %klp-lint --checks=-*,callbacks-per-object* %s -- %api-b 2>&1 | FileCheck %s --check-prefix=NOT-A --implicit-check-not=warning: --implicit-check-not=error:
// NOT-A: other-gens.c:[[@LINE+18]]:48: warning: per-object pre_patch callback 'prepare' set in a struct klp_object initializer; move it to the {{pre_patch|setup}} callback of a struct klp_state (the struct klp_object of these headers has no callbacks member: this does not compile) [callbacks-per-object]
// NOT-A: 1 warning, 0 errors in 1 file
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

static int prepared;

static int prepare(struct klp_object *obj)
{
	prepared = 1;
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, {} };

static struct klp_object objs[] = {
	{ .funcs = funcs, .callbacks = { .pre_patch = prepare } },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};
// SPDX-License-Identifier: GPL-2.0-only
