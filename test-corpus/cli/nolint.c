// Suppression comments in clang-tidy's syntax (docs/usage.md#suppressing-findings): a
// marker on the finding's line, a next-line marker on the line before, and
// begin/end regions, each with an optional list of checks right after the
// marker (globs allowed, spaces ignored), in // or /* */ comments. A list
// that names only other checks does not suppress. An unmatched begin or end
// marker is itself reported, as a warning of [klp-lint-nolint], and an
// unmatched begin suppresses nothing (as in clang-tidy); a begin and an end
// with different lists do not pair. (This prose avoids the upper-case markers
// on purpose: they would count.)
// Every shadow call below uses an id with no state (shadow-id-without-state)
// and the states have a pre_patch but no teardown
// (state-missing-disable-callbacks); the expectations are the findings left.
// The notes of the shadow findings are not the subject here.
// RUN: %klp-lint %s -- %api-c -Xclang -verify=klp -Xclang -verify-ignore-unexpected=note
//
// The text output, the [klp-lint-nolint] tag and the summary's count of what
// the markers suppressed:
// RUN: sh -c '%klp-lint --checks=-shadow-id-literal %s -- %api-c 2>&1; echo "exit=$?"' | FileCheck %s

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define ST_A 1
#define ST_B 2
#define ST_C 3
#define ST_D 4

static int on(struct klp_patch *patch, struct klp_state *state) { return 0; }

static void *shadows(void *obj)
{
	void *p;

	// Same line: all checks, one check, globs with spaces, a block comment.
	p = klp_shadow_get(obj, 0x101); // NOLINT
	p = klp_shadow_get(obj, 0x102); // NOLINT(shadow-id-without-state)
	p = klp_shadow_get(obj, 0x103); // NOLINT(state-*, shadow-*)
	p = klp_shadow_get(obj, 0x104); /* NOLINT(*) */
	// A list naming other checks does not suppress, nor does a glob that
	// matches no check name.
	p = klp_shadow_get(obj, 0x105); // NOLINT(state-*) klp-warning {{shadow variable id '0x105' (261) used by klp_shadow_get() matches no state}}
	p = klp_shadow_get(obj, 0x106); // NOLINT(shadow-id) klp-warning {{shadow variable id '0x106'}} klp-warning {{comment: 'shadow-id' matches no check; did you mean 'shadow-id*'?}}
	// A word that merely contains the marker is no marker.
	p = klp_shadow_get(obj, 0x107); // SEE_NOLINTS klp-warning {{shadow variable id '0x107'}}

	// The next-line marker covers exactly the next line.
	// NOLINTNEXTLINE
	p = klp_shadow_get(obj, 0x111);
	// NOLINTNEXTLINE(shadow-*)
	p = klp_shadow_get(obj, 0x112);
	/* NOLINTNEXTLINE(shadow-id-without-state) */
	p = klp_shadow_get(obj, 0x113);
	// NOLINTNEXTLINE(callbacks-*)
	p = klp_shadow_get(obj, 0x114); // klp-warning {{shadow variable id '0x114'}}
	// NOLINTNEXTLINE

	p = klp_shadow_get(obj, 0x115); // klp-warning {{shadow variable id '0x115'}}

	// Regions, with and without a list.
	// NOLINTBEGIN
	p = klp_shadow_get(obj, 0x121);
	p = klp_shadow_get(obj, 0x122);
	// NOLINTEND
	p = klp_shadow_get(obj, 0x123); // klp-warning {{shadow variable id '0x123'}}
	/* NOLINTBEGIN(shadow-*) */
	p = klp_shadow_get(obj, 0x124);
	/* NOLINTEND(shadow-*) */
	// NOLINTBEGIN(state-*)
	p = klp_shadow_get(obj, 0x125); // klp-warning {{shadow variable id '0x125'}}
	// NOLINTEND(state-*)

	// An end without a begin.
	// NOLINTEND(callbacks-*) klp-warning {{unmatched}}
	// CHECK-DAG: nolint.c:[[@LINE-1]]:1: warning: unmatched '{{NOLINT}}END' comment without a previous '{{NOLINT}}BEGIN' comment [klp-lint-nolint]
	p = klp_shadow_get(obj, 0x131); // klp-warning {{shadow variable id '0x131'}}
	return p;
}

static struct klp_state states[] = {
	{ .id = ST_A, .callbacks.pre_patch = on }, // NOLINT(state-missing-*)
	{ .id = ST_B, .callbacks.pre_patch = on }, // NOLINT(shadow-*) klp-warning {{state 'ST_B' (2) has a pre_patch callback}}
	// A begin and an end with different lists: both unmatched, no region.
	// NOLINTBEGIN(state-*) klp-warning {{unmatched}}
	// CHECK-DAG: nolint.c:[[@LINE-1]]:1: warning: unmatched '{{NOLINT}}BEGIN' comment without a subsequent '{{NOLINT}}END' comment [klp-lint-nolint]
	{ .id = ST_C, .callbacks.pre_patch = on }, // klp-warning {{state 'ST_C' (3) has a pre_patch callback}}
	// NOLINTEND(shadow-*) klp-warning {{unmatched}}
	// CHECK-DAG: nolint.c:[[@LINE-1]]:1: warning: unmatched '{{NOLINT}}END' comment without a previous '{{NOLINT}}BEGIN' comment [klp-lint-nolint]
	// CHECK-DAG: nolint.c:43:1: warning: NOLINT comment: 'shadow-id' matches no check; did you mean 'shadow-id*'? [klp-lint-nolint]
	// A begin that never ends suppresses nothing.
	/* NOLINTBEGIN */ // klp-warning {{unmatched}}
	// CHECK-DAG: nolint.c:[[@LINE-1]]:1: warning: unmatched '{{NOLINT}}BEGIN' comment without a subsequent '{{NOLINT}}END' comment [klp-lint-nolint]
	{ .id = ST_D, .callbacks.pre_patch = on }, // klp-warning {{state 'ST_D' (4) has a pre_patch callback}}
	{}
};

static struct klp_func funcs[] = { { .old_name = "open", .new_func = shadows }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// Left: 8 shadow and 3 state findings, 4 marker problems. Suppressed: 4 on
// the same line, 3 by next-line markers, 3 in regions, 1 state.
// CHECK: {{^}}16 warnings, 0 errors in 1 file (suppressed 11: 11 NOLINT, 0 line filter, 0 baseline){{$}}
// CHECK-NEXT: exit=0
// SPDX-License-Identifier: GPL-2.0-only
