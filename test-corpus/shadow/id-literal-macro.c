// Bare numbers that macros and helpers carry (docs/semantics.md#rule-shadow-id-literal):
// a number in the body of a wrapper macro (noted once, where it is written,
// however often the wrapper is used), a number passed as a macro's argument,
// and one passed to a helper whose parameter is the id. Each is still a bare
// number that another feature may pick. The second RUN line shows how other
// checks quote such ids: as the number written in the wrapper's body, not
// as the wrapper's call ('TAG(obj)'), and without a note that the wrapper
// defines the id.
// RUN: %klp-lint --checks=-*,shadow-id-literal %s -- %api-c -Xclang -verify=klp
// RUN: %klp-lint --checks=-*,shadow-id-without-state %s -- %api-c -Xclang -verify=ws

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define TAG(obj) klp_shadow_get(obj, 9) // klp-note {{shadow variable id 9 of klp_shadow_get() is a bare number}}
#define GET(obj, id) klp_shadow_get(obj, id)

static void *peek(void *obj, unsigned long id)
{
	return klp_shadow_get(obj, id);
}

static int track(void *obj)
{
	if (TAG(obj)) // ws-warning {{shadow variable id 9 used by klp_shadow_get() matches no state of this livepatch}}
		return 1;
	if (TAG(obj)) // ws-warning {{shadow variable id 9 used by klp_shadow_get() matches no state of this livepatch}}
		return 2;
	if (GET(obj, 11)) // klp-note {{shadow variable id 11 of klp_shadow_get() is a bare number}} ws-warning {{shadow variable id 11 used by klp_shadow_get() matches no state}}
		return 3;
	return peek(obj, 13) ? 0 : 4; // klp-note {{shadow variable id 13 of klp_shadow_get() (through 'peek') is a bare number}} ws-warning {{shadow variable id 13 used by klp_shadow_get() (through 'peek') matches no state}}
}

static struct klp_func funcs[] = { { .old_name = "track", .new_func = track }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_patch patch = { // ws-note 4 {{livepatch 'patch' declares no states}}
	.mod = THIS_MODULE,
	.objs = objs,
};
// SPDX-License-Identifier: GPL-2.0-only
