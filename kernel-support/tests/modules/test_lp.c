// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_lp.c - the standard test livepatch "LPn{ids}" of
 * docs/semantics.md#event-codes, built in many variants.
 *
 * Every listed state has is_shadow, all four callbacks and a shadow_dtor.
 * pre_patch allocates the state's shadow variable, post_patch saves the
 * state's knob (a vmlinux setting) into it and sets the knob to the
 * patch's number, pre_unpatch restores the saved value.  post_unpatch and
 * the destructor have nothing left to do: the core's transcript events are
 * their log.  The shadow variable hangs off the knob, so a later patch that
 * takes the state over finds it by <knob, id>.
 *
 * Build parameters (all optional):
 *
 *   LP_VALUE		number returned by the replacements and written to
 *			the knobs (default 1)
 *   LP_ID1..LP_ID3	state ids; 0 leaves the slot out
 *   LP_REPLACE		atomic replace
 *   LP_BLOCK_ID	the state with this id has block_disable
 *   LP_FAIL_ID		pre_patch of this state fails with -ENODEV ...
 *   LP_FAIL_LEAKS	... after allocating its variable, without undoing it
 *   LP_FUNC2		also replace t_func2
 *   LP_OBJ_SHADOW_ID	also replace t_obj_func, with a version that attaches
 *			a shadow variable of this id to its argument
 *   LP_DUP_STATE	scenario DER-8: two entries with id LP_ID1, A and B,
 *			whose callbacks and destructors only log, and a
 *			t_func that creates variables with that id
 *   LP_TARGET		the target module (default "T")
 *   LP_TARGET2		a second target module with its own t_func
 *
 * and, to reach klp_enable_patch()'s refusals:
 *
 *   LP_NOT_LIVEPATCH	no MODULE_INFO(livepatch, "Y")
 *   LP_EMPTY_OBJECT	an object that names a module but has no funcs
 *   LP_MISSING_FUNC	also replace t_missing, which T does not have
 */
#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/slab.h>

#ifndef LP_VALUE
#define LP_VALUE	1
#endif
#ifndef LP_ID1
#define LP_ID1		0
#endif
#ifndef LP_ID2
#define LP_ID2		0
#endif
#ifndef LP_ID3
#define LP_ID3		0
#endif
#ifndef LP_REPLACE
#define LP_REPLACE	0
#endif
#ifndef LP_BLOCK_ID
#define LP_BLOCK_ID	0
#endif
#ifndef LP_FAIL_ID
#define LP_FAIL_ID	0
#endif
#ifndef LP_FAIL_LEAKS
#define LP_FAIL_LEAKS	0
#endif
#ifndef LP_FUNC2
#define LP_FUNC2	0
#endif
#ifndef LP_OBJ_SHADOW_ID
#define LP_OBJ_SHADOW_ID 0
#endif
#ifndef LP_DUP_STATE
#define LP_DUP_STATE	0
#endif
#ifndef LP_TARGET
#define LP_TARGET	"T"
#endif
#ifndef LP_NOT_LIVEPATCH
#define LP_NOT_LIVEPATCH 0
#endif
#ifndef LP_EMPTY_OBJECT
#define LP_EMPTY_OBJECT	0
#endif
#ifndef LP_MISSING_FUNC
#define LP_MISSING_FUNC	0
#endif

/* vmlinux settings the states change; only the test modules know them. */
#define LP_NR_KNOBS	64
extern int klp_sim_knobs[LP_NR_KNOBS];

/**
 * struct lp_shadow - a state's shadow variable
 * @saved:	the knob's value before post_patch changed it
 * @active:	post_patch ran and pre_unpatch has not yet
 */
struct lp_shadow {
	int saved;
	bool active;
};

/* The standard callbacks, for variants that have standard states. */
#define LP_STANDARD_STATES	(!LP_DUP_STATE && (LP_ID1 || LP_ID2 || LP_ID3))

#if LP_STANDARD_STATES
static int *lp_knob(struct klp_state *state)
{
	return &klp_sim_knobs[state->id % LP_NR_KNOBS];
}

static int lp_pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	struct lp_shadow *sv;

	(void)patch;
	if (state->id == LP_FAIL_ID && !LP_FAIL_LEAKS)
		return -ENODEV;

	sv = klp_shadow_alloc(lp_knob(state), state->id, sizeof(*sv),
			      GFP_KERNEL, NULL, NULL);
	if (!sv)
		return -ENOMEM;

	/* The bad example: fail without freeing what was allocated. */
	if (state->id == LP_FAIL_ID)
		return -ENODEV;
	return 0;
}

static void lp_post_patch(struct klp_patch *patch, struct klp_state *state)
{
	int *knob = lp_knob(state);
	struct lp_shadow *sv = klp_shadow_get(knob, state->id);

	(void)patch;
	if (!sv) {
		pr_warn("lp: state %lu has no shadow variable\n", state->id);
		return;
	}
	sv->saved = *knob;
	*knob = LP_VALUE;
	sv->active = true;
}

static void lp_pre_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	int *knob = lp_knob(state);
	struct lp_shadow *sv = klp_shadow_get(knob, state->id);

	(void)patch;
	if (!sv) {
		pr_warn("lp: state %lu has no shadow variable\n", state->id);
		return;
	}
	*knob = sv->saved;
	sv->active = false;
}

static void lp_post_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	(void)patch;
	(void)state;
}

static void lp_shadow_dtor(void *obj, void *shadow_data)
{
	(void)obj;
	(void)shadow_data;
}

#define LP_STATE(_id)							\
	{								\
		.id = (_id),						\
		.callbacks = {						\
			.pre_patch = lp_pre_patch,			\
			.post_patch = lp_post_patch,			\
			.pre_unpatch = lp_pre_unpatch,			\
			.post_unpatch = lp_post_unpatch,		\
			.shadow_dtor = lp_shadow_dtor,			\
		},							\
		.block_disable = (_id) == LP_BLOCK_ID,			\
		.is_shadow = true,					\
	}
#endif /* LP_STANDARD_STATES */

#if LP_DUP_STATE
/* Two entries for one id; each callback says which entry it belongs to. */
#define LP_DUP_CALLBACKS(x)						\
static int lp_pre_patch_##x(struct klp_patch *patch,			\
			struct klp_state *state)			\
{									\
	(void)patch;							\
	(void)state;							\
	pr_info("lp: pre_patch of entry " #x "\n");			\
	return 0;							\
}									\
static void lp_post_patch_##x(struct klp_patch *patch,			\
			struct klp_state *state)			\
{									\
	(void)patch;							\
	(void)state;							\
	pr_info("lp: post_patch of entry " #x "\n");			\
}									\
static void lp_pre_unpatch_##x(struct klp_patch *patch,			\
			struct klp_state *state)			\
{									\
	(void)patch;							\
	(void)state;							\
	pr_info("lp: pre_unpatch of entry " #x "\n");			\
}									\
static void lp_post_unpatch_##x(struct klp_patch *patch,		\
			struct klp_state *state)			\
{									\
	(void)patch;							\
	(void)state;							\
	pr_info("lp: post_unpatch of entry " #x "\n");			\
}									\
static void lp_shadow_dtor_##x(void *obj, void *shadow_data)		\
{									\
	(void)obj;							\
	(void)shadow_data;						\
	pr_info("lp: shadow_dtor of entry " #x "\n");			\
}

LP_DUP_CALLBACKS(A)
LP_DUP_CALLBACKS(B)

#define LP_DUP_STATE_ENTRY(x)						\
	{								\
		.id = LP_ID1,						\
		.callbacks = {						\
			.pre_patch = lp_pre_patch_##x,			\
			.post_patch = lp_post_patch_##x,		\
			.pre_unpatch = lp_pre_unpatch_##x,		\
			.post_unpatch = lp_post_unpatch_##x,		\
			.shadow_dtor = lp_shadow_dtor_##x,		\
		},							\
		.is_shadow = true,					\
	}

/* Objects of this module that the patched t_func attaches variables to. */
static int lp_dup_objs[2];
#endif

/* ------------------------------------------------------------------------
 * The replacement functions
 */

static int lp_t_func(void)
{
#if LP_DUP_STATE
	for (unsigned int i = 0; i < ARRAY_SIZE(lp_dup_objs); i++)
		klp_shadow_get_or_alloc(&lp_dup_objs[i], LP_ID1, sizeof(int),
					GFP_KERNEL, NULL, NULL);
#endif
	return LP_VALUE;
}

#if LP_FUNC2
static int lp_t_func2(void)
{
	return LP_VALUE;
}
#endif

#if LP_OBJ_SHADOW_ID
/* Tracks an object of the target module with a shadow variable. */
static int lp_t_obj_func(void *obj)
{
	int *seen = klp_shadow_alloc(obj, LP_OBJ_SHADOW_ID, sizeof(*seen),
				     GFP_KERNEL, NULL, NULL);

	if (!seen)
		return -ENOMEM;
	*seen = 1;
	return LP_VALUE;
}
#endif

static struct klp_func lp_funcs[] = {
	{
		.old_name = "t_func",
		.new_func = lp_t_func,
	},
#if LP_FUNC2
	{
		.old_name = "t_func2",
		.new_func = lp_t_func2,
	},
#endif
#if LP_OBJ_SHADOW_ID
	{
		.old_name = "t_obj_func",
		.new_func = lp_t_obj_func,
	},
#endif
#if LP_MISSING_FUNC
	{
		.old_name = "t_missing",
		.new_func = lp_t_func,
	},
#endif
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
	{
		.name = LP_TARGET,
		.funcs = lp_funcs,
	},
#ifdef LP_TARGET2
	{
		.name = LP_TARGET2,
		.funcs = lp_funcs2,
	},
#endif
#if LP_EMPTY_OBJECT
	{
		.name = "T3",
	},
#endif
	{ }
};

static struct klp_state lp_states[] = {
#if LP_DUP_STATE
	LP_DUP_STATE_ENTRY(A),
	LP_DUP_STATE_ENTRY(B),
#else
#if LP_ID1
	LP_STATE(LP_ID1),
#endif
#if LP_ID2
	LP_STATE(LP_ID2),
#endif
#if LP_ID3
	LP_STATE(LP_ID3),
#endif
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
#if !LP_NOT_LIVEPATCH
MODULE_INFO(livepatch, "Y");
#endif
MODULE_DESCRIPTION("Standard test livepatch of the kernel-support scenarios");
