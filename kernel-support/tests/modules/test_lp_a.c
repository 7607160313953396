// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_lp_a.c - the standard test livepatch of the legacy scenarios
 * (docs/semantics.md#scenarios-leg), generation A, built in variants
 * for klp-sim-a.
 *
 * Two objects, vmlinux and the target module T (optionally a second
 * target), each with all four per-object callbacks.  Each object has a
 * knob (a vmlinux setting): vmlinux knob[1], T knob[2], T2 knob[3].
 * post_patch saves the knob and sets it to the patch's number;
 * pre_unpatch restores the saved value; pre_patch and post_unpatch have
 * nothing to do but may be made to fail or to log.  The core's transcript
 * events (pre_patch(P,obj) ...) are the callbacks' log, so what the knobs
 * show afterwards is what the callbacks left behind: after an atomic
 * replace, the replaced patch's change stays (LEG-4).
 *
 * Build parameters (all optional):
 *
 *   LP_VALUE		number returned by the replacement of t_func and
 *			written to the knobs (default 1)
 *   LP_REPLACE		atomic replace
 *   LP_FAIL_OBJ	the object ("vmlinux", "T") whose pre_patch fails
 *			with -ENODEV
 *   LP_UNPAIRED	no pre_unpatch and no post_unpatch: nothing undoes
 *			what post_patch changed
 *   LP_TARGET2		a second target module with its own object
 *   LP_STATE_ID	a klp_state with this id ...
 *   LP_STATE_VERSION	... in this version (default 1); pre_patch of vmlinux
 *			logs klp_get_prev_state() for it
 *   LP_NO_VMLINUX	no vmlinux object
 *   LP_NO_CALLBACKS	no callbacks at all: a replacement that only
 *			replaces t_func (the legacy twin of lp2_r_none)
 */
#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/string.h>

#ifndef LP_VALUE
#define LP_VALUE	1
#endif
#ifndef LP_REPLACE
#define LP_REPLACE	0
#endif
#ifndef LP_FAIL_OBJ
#define LP_FAIL_OBJ	""
#endif
#ifndef LP_UNPAIRED
#define LP_UNPAIRED	0
#endif
#ifndef LP_STATE_ID
#define LP_STATE_ID	0
#endif
#ifndef LP_STATE_VERSION
#define LP_STATE_VERSION 1
#endif
#ifndef LP_NO_VMLINUX
#define LP_NO_VMLINUX	0
#endif
#ifndef LP_NO_CALLBACKS
#define LP_NO_CALLBACKS	0
#endif

#define LP_NR_KNOBS	64
extern int klp_sim_knobs[LP_NR_KNOBS];

#if !LP_NO_CALLBACKS
/* What post_patch found in each object's knob, for pre_unpatch. */
static int lp_saved[4];

static const char *lp_obj_name(struct klp_object *obj)
{
	return obj->name ? obj->name : "vmlinux";
}

/* vmlinux knob[1], T knob[2], T2 knob[3]. */
static int lp_knob_index(struct klp_object *obj)
{
	if (!obj->name)
		return 1;
#ifdef LP_TARGET2
	if (!strcmp(obj->name, LP_TARGET2))
		return 3;
#endif
	return 2;
}

static struct klp_patch lp_patch;

static int lp_pre_patch(struct klp_object *obj)
{
#if LP_STATE_ID
	if (!obj->name) {
		struct klp_state *prev = klp_get_prev_state(LP_STATE_ID);

		if (prev)
			pr_info("lp%d: state %d: previous version %u, this %u\n",
				LP_VALUE, LP_STATE_ID, prev->version,
				klp_get_state(&lp_patch, LP_STATE_ID)->version);
		else
			pr_info("lp%d: state %d: no previous patch has it\n",
				LP_VALUE, LP_STATE_ID);
	}
#endif
	if (!strcmp(lp_obj_name(obj), LP_FAIL_OBJ))
		return -ENODEV;
	return 0;
}

static void lp_post_patch(struct klp_object *obj)
{
	int i = lp_knob_index(obj);

	lp_saved[i] = klp_sim_knobs[i];
	klp_sim_knobs[i] = LP_VALUE;
}

#if !LP_UNPAIRED
static void lp_pre_unpatch(struct klp_object *obj)
{
	int i = lp_knob_index(obj);

	klp_sim_knobs[i] = lp_saved[i];
}

static void lp_post_unpatch(struct klp_object *obj)
{
	(void)obj;
}
#endif

#endif /* !LP_NO_CALLBACKS */

#if LP_NO_CALLBACKS
#define LP_CALLBACKS	{ }
#elif LP_UNPAIRED
#define LP_CALLBACKS							\
	{								\
		.pre_patch = lp_pre_patch,				\
		.post_patch = lp_post_patch,				\
	}
#else
#define LP_CALLBACKS							\
	{								\
		.pre_patch = lp_pre_patch,				\
		.post_patch = lp_post_patch,				\
		.pre_unpatch = lp_pre_unpatch,				\
		.post_unpatch = lp_post_unpatch,			\
	}
#endif

static int lp_t_func(void)
{
	return LP_VALUE;
}

#if !LP_NO_VMLINUX
/* vmlinux has only callbacks, as in the selftests' callback demos. */
static struct klp_func lp_no_funcs[] = {
	{ }
};
#endif

static struct klp_func lp_funcs[] = {
	{
		.old_name = "t_func",
		.new_func = lp_t_func,
	},
	{ }
};

#ifdef LP_TARGET2
static struct klp_func lp_funcs2[] = {
	{
		.old_name = "t_func",
		.new_func = lp_t_func,
	},
	{ }
};
#endif

static struct klp_object lp_objs[] = {
#if !LP_NO_VMLINUX
	{
		.name = NULL,
		.funcs = lp_no_funcs,
		.callbacks = LP_CALLBACKS,
	},
#endif
	{
		.name = "T",
		.funcs = lp_funcs,
		.callbacks = LP_CALLBACKS,
	},
#ifdef LP_TARGET2
	{
		.name = LP_TARGET2,
		.funcs = lp_funcs2,
		.callbacks = LP_CALLBACKS,
	},
#endif
	{ }
};

static struct klp_state lp_states[] = {
#if LP_STATE_ID
	{
		.id = LP_STATE_ID,
		.version = LP_STATE_VERSION,
	},
#endif
	{ }
};

static struct klp_patch lp_patch = {
	.mod = THIS_MODULE,
	.objs = lp_objs,
	.states = lp_states,
	.replace = LP_REPLACE,
};

static int __init lp_init(void)
{
	return klp_enable_patch(&lp_patch);
}

static void __exit lp_exit(void)
{
}

module_init(lp_init);
module_exit(lp_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
MODULE_DESCRIPTION("Standard test livepatch of the legacy (generation A) scenarios");
