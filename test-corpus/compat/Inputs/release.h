/*
 * release.h - what the releases of the test products share.
 *
 * Each release is a livepatch module built for klp-sim (klp-lint compat
 * --sim-modules) and read by klp-lint from its source. Its callbacks do real
 * work that prints nothing: post_patch sets the state's knob to the
 * release's number, pre_unpatch puts it back. klp_compat_use() is the
 * release's patched code running: it takes the shadow variable of each
 * is_shadow state on the state's knob, as klp-lint's model livepatch does,
 * so that a run with the real modules and one with the model print the
 * same transcript. A release without states uses none of the callbacks.
 */
#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/slab.h>

#define REL_NR_KNOBS	64
extern int klp_sim_knobs[REL_NR_KNOBS];

static int *rel_knob(struct klp_state *state)
{
	return &klp_sim_knobs[state->id % REL_NR_KNOBS];
}

static int __maybe_unused rel_pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	(void)patch;
	(void)state;
	return 0;
}

static void __maybe_unused rel_post_patch(struct klp_patch *patch, struct klp_state *state)
{
	(void)patch;
	*rel_knob(state) = RELEASE;
}

static void __maybe_unused rel_pre_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	(void)patch;
	*rel_knob(state) = 0;
}

static void __maybe_unused rel_post_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	(void)patch;
	(void)state;
}

static void __maybe_unused rel_shadow_dtor(void *obj, void *shadow_data)
{
	(void)obj;
	(void)shadow_data;
}

/* The patched function: a vmlinux function klp-sim lacks (a phantom). */
static int rel_target(void)
{
	return RELEASE;
}

static struct klp_func rel_funcs[] = {
	{
		.old_name = "klp_compat_target",
		.new_func = rel_target,
	}, { }
};

static struct klp_object rel_objs[] = {
	{
		.funcs = rel_funcs,
	}, { }
};

/* Defined by each release after its states[]. */
static struct klp_patch *rel_patch(void);

/* The release's code runs: it takes its states' shadow variables. */
void klp_compat_use(void)
{
	struct klp_state *state;

	for (state = rel_patch()->states; state && state->id; state++)
		if (state->is_shadow)
			klp_shadow_get_or_alloc(rel_knob(state), state->id,
						sizeof(int), GFP_KERNEL, NULL, NULL);
}
/* SPDX-License-Identifier: GPL-2.0-only */
