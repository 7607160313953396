// Generation C names are what the check asks for: silent. A member named
// "setup" in an unrelated struct is not struct klp_state_callbacks.
// RUN: %klp-lint --checks=-*,callbacks-poc-spelling %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>

struct device_ops {
	int (*setup)(void);
	void (*release)(void);
};

static int dev_setup(void) { return 0; }
static struct device_ops ops = { .setup = dev_setup };

static int pre(struct klp_patch *patch, struct klp_state *state) { return ops.setup(); }

static struct klp_state states[] = {
	{ .id = 3, .callbacks = { .pre_patch = pre } , .block_disable = true },
	{}
};

static struct klp_patch patch = { .states = states };
// SPDX-License-Identifier: GPL-2.0-only
