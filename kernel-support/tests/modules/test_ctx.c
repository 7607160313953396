// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_ctx.c - a livepatch that breaks the context rules of
 * docs/semantics.md#context-rules on purpose, so that scenario ctx-1 shows
 * how the reference core reports each mistake:
 *
 * - a shadow constructor that sleeps, allocates with GFP_KERNEL and calls
 *   the shadow API (klp_shadow_lock recursion),
 * - a shadow destructor that takes a mutex and calls vfree(),
 * - a duplicate klp_shadow_alloc() and a failing constructor,
 * - klp_enable_patch() called from a state callback (klp_mutex recursion),
 * - klp_get_prev_state() outside a transition.
 */
#include <linux/delay.h>
#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>

#define CTX_STATE	20
#define CTX_NESTED_ID	22

static DEFINE_MUTEX(ctx_lock);
static int ctx_obj;
static void *ctx_buf;

static int ctx_sleeping_ctor(void *obj, void *shadow_data, void *ctor_data)
{
	(void)ctor_data;
	msleep(1);
	ctx_buf = kmalloc(16, GFP_KERNEL);
	klp_shadow_get_or_alloc(obj, CTX_NESTED_ID, sizeof(int), GFP_ATOMIC,
				NULL, NULL);
	*(int *)shadow_data = 1;
	return 0;
}

static int ctx_failing_ctor(void *obj, void *shadow_data, void *ctor_data)
{
	(void)obj;
	(void)shadow_data;
	(void)ctor_data;
	return -EINVAL;
}

static void ctx_sleeping_dtor(void *obj, void *shadow_data)
{
	(void)obj;
	(void)shadow_data;
	mutex_lock(&ctx_lock);
	mutex_unlock(&ctx_lock);
	vfree(NULL);
}

static int ctx_replacement(void)
{
	return 20;
}

static struct klp_func ctx_funcs[] = {
	{ .old_name = "ctx_phantom_function", .new_func = ctx_replacement },
	{ }
};

static struct klp_object ctx_objs[] = {
	{ .name = NULL, .funcs = ctx_funcs },
	{ }
};

/* A second patch that the first one's callback tries to register. */
static struct klp_func ctx_nested_funcs[] = {
	{ .old_name = "ctx_phantom_function", .new_func = ctx_replacement },
	{ }
};

static struct klp_object ctx_nested_objs[] = {
	{ .name = NULL, .funcs = ctx_nested_funcs },
	{ }
};

static struct klp_patch ctx_nested_patch = {
	.mod = THIS_MODULE,
	.objs = ctx_nested_objs,
};

static int ctx_pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	int ret;

	(void)patch;
	if (!klp_shadow_alloc(&ctx_obj, state->id, sizeof(int), GFP_KERNEL,
			      ctx_sleeping_ctor, NULL))
		return -ENOMEM;
	if (!klp_shadow_alloc(&ctx_obj, state->id, sizeof(int), GFP_KERNEL,
			      NULL, NULL))
		pr_info("lp_ctx: second klp_shadow_alloc() returned NULL\n");
	if (!klp_shadow_alloc(&ctx_obj, state->id + 1, sizeof(int),
			      GFP_KERNEL, ctx_failing_ctor, NULL))
		pr_info("lp_ctx: failing constructor, no variable\n");
	if (!klp_get_prev_state(state->id))
		pr_info("lp_ctx: no previous state %lu\n", state->id);

	ret = klp_enable_patch(&ctx_nested_patch);
	pr_info("lp_ctx: nested klp_enable_patch() returned %d\n", ret);
	return 0;
}

static void ctx_post_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	(void)patch;
	(void)state;
	kfree(ctx_buf);
	ctx_buf = NULL;
	klp_shadow_free(&ctx_obj, CTX_NESTED_ID, NULL);
}

static struct klp_state ctx_states[] = {
	{
		.id = CTX_STATE,
		.callbacks = {
			.pre_patch = ctx_pre_patch,
			.post_unpatch = ctx_post_unpatch,
			.shadow_dtor = ctx_sleeping_dtor,
		},
		.is_shadow = true,
	},
	{ }
};

static struct klp_patch ctx_patch = {
	.mod = THIS_MODULE,
	.objs = ctx_objs,
	.states = ctx_states,
};

static int __init ctx_init(void)
{
	if (!klp_get_prev_state(CTX_STATE))
		pr_info("lp_ctx: klp_get_prev_state() outside a transition\n");
	return klp_enable_patch(&ctx_patch);
}

static void __exit ctx_exit(void)
{
}

module_init(ctx_init);
module_exit(ctx_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
