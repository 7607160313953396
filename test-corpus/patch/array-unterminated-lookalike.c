// patch-array-unterminated look-alikes that must stay silent: arrays
// terminated in every spelling ({ }, { NULL }, { 0 }, { NULL, NULL, 0 } and
// a macro), members named objs and funcs of the module's own struct that
// refer to arrays without a terminator, a funcs[] filled at run time, an
// extern objs[] defined elsewhere, and a funcs[] that no object uses.
// RUN: %klp-lint --checks=-*,patch-array-unterminated %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
#include <linux/module.h>

#define KLP_END { }

static int nf(void)
{
	return 0;
}

static struct klp_func f1[] = { { .old_name = "cmdline_proc_show", .new_func = nf }, { } };
static struct klp_func f2[] = { { "meminfo_proc_show", nf, 0 }, { NULL } };
static struct klp_func f3[] = { { "meminfo_proc_show", nf, 0 }, { 0 } };
static struct klp_func f4[] = { { "meminfo_proc_show", nf, 1 }, { NULL, NULL, 0 } };
static struct klp_func f5[] = { { "meminfo_proc_show", nf, 2 }, KLP_END };
static struct klp_func filled[4];
static struct klp_func unused[] = { { .old_name = "unused_func", .new_func = nf } };

extern struct klp_object other_objs[];

struct my_object {
	const char *name;
	int *funcs;
};

struct my_patch {
	struct my_object *objs;
};

static int numbers[] = { 1, 2, 3 };
static struct my_object my_objs[] = { { "x", numbers } };
static struct my_patch my_patch = { .objs = my_objs };

static struct klp_object objs[] = {
	{ .funcs = f1 },
	{ .name = "m2", .funcs = f2 },
	{ .name = "m3", .funcs = f3 },
	{ .name = "m4", .funcs = f4 },
	{ .name = "m5", .funcs = f5 },
	{ .name = "m6", .funcs = filled },
	{ NULL, NULL },
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static struct klp_patch other = {
	.mod = THIS_MODULE,
	.objs = other_objs,
};

/* The comment "static struct klp_func funcs[] = { { "x" } };" is no array. */
// SPDX-License-Identifier: GPL-2.0-only
