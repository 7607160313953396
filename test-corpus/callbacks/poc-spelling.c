// Generation B designators of struct klp_state_callbacks: each is reported as
// a note with the generation C name (docs/semantics.md#role-mapping).
// RUN: %klp-lint --checks=-*,callbacks-poc-spelling %s -- %api-b -Xclang -verify=klp

#include <linux/livepatch.h>

static int setup_fn(struct klp_patch *patch, struct klp_state *state) { return 0; }
static void enable_fn(struct klp_patch *patch, struct klp_state *state) { }
static void disable_fn(struct klp_patch *patch, struct klp_state *state) { }
static void release_fn(struct klp_patch *patch, struct klp_state *state) { }

static struct klp_state states[] = {
	{
		.id = 1,
		.callbacks = {
			.setup = setup_fn, // klp-note {{'setup' is the POC (generation B) name of this struct klp_state_callbacks member; generation C calls it 'pre_patch'}}
			.enable = enable_fn, // klp-note {{'enable' is the POC (generation B) name of this struct klp_state_callbacks member; generation C calls it 'post_patch'}}
			.disable = disable_fn, // klp-note {{generation C calls it 'pre_unpatch'}}
			.release = release_fn, // klp-note {{generation C calls it 'post_unpatch'}}
		},
	},
	{}
};

static struct klp_patch patch = { .states = states };
// SPDX-License-Identifier: GPL-2.0-only
