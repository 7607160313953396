// Look-alikes of shadow-id-literal that must stay silent: ids named by a
// macro, an enumerator and a const object; the zero id of the terminating
// state; a number in an unrelated struct's .id member; a literal in a
// comment; a size and a gfp argument (not the id).
// RUN: %klp-lint --checks=-*,shadow-id-literal %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_NAMED 0x200
enum { SV_ENUM = 0x201 };

struct job {
	int id;
};

static struct job first_job __used = { .id = 3 };

static int use(void *obj)
{
	/* klp_shadow_get(obj, 5) would be flagged */
	klp_shadow_alloc(obj, SV_ENUM, 16, GFP_ATOMIC, NULL, NULL);
	return klp_shadow_get(obj, SV_NAMED) ? 0 : 1;
}

static struct klp_func funcs[] = { { .old_name = "use", .new_func = use }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_NAMED, .is_shadow = true },
	{ .id = SV_ENUM, .is_shadow = true },
	{ .id = 0 }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
