// Included by ../../missing-disable-callbacks-included.c; not a test by
// itself. The state without a teardown is reported here.

#define ST_INC_SYSCTL 0x80
#define ST_INC_TRACE 0x81

static int sysctl_value;

static int sysctl_raise(struct klp_patch *patch, struct klp_state *state)
{
	sysctl_value = 100;
	return 0;
}

static void sysctl_restore(struct klp_patch *patch, struct klp_state *state)
{
	sysctl_value = 0;
}

static struct klp_state states[] = {
	{ .id = ST_INC_SYSCTL, .callbacks.pre_patch = sysctl_raise }, // klp-warning {{state 'ST_INC_SYSCTL' (128) has a pre_patch callback but neither pre_unpatch nor post_unpatch and no block_disable}}
	{ .id = ST_INC_TRACE, .callbacks = { .pre_patch = sysctl_raise, .post_unpatch = sysctl_restore } },
	{}
};
// SPDX-License-Identifier: GPL-2.0-only
