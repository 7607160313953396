// patch-klp-build-states look-alikes that must stay silent: an ordinary
// generation A livepatch file (no klp-build helpers) with states and state
// lookups; a struct of the module's own named like a state, a pointer to
// struct klp_state, and functions of the module's own named like the
// lookups (in a file that includes the helpers). The lookups in a comment
// do not count either.
// RUN: %klp-lint --checks=-*,patch-klp-build-states %s -- %api-a -Xclang -verify=klp
// RUN: %klp-lint --checks=-*,patch-klp-build-states %S/Inputs/klp-build-states/own-lookups.c -- %api-a -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

struct klp_state_like {
	unsigned long id;
};

static struct klp_state_like like = { .id = 1 };
static struct klp_state states[] = { { .id = 1, .version = 1 }, { } };
static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };
static struct klp_patch patch = { .mod = THIS_MODULE, .objs = objs, .states = states };

int version_of(void)
{
	struct klp_state *s = klp_get_state(&patch, like.id);

	/* klp_get_prev_state(1) is only valid during a transition */
	return s ? (int)s->version : -1;
}
// SPDX-License-Identifier: GPL-2.0-only
