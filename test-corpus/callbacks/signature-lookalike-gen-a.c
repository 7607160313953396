// callbacks-signature look-alikes under generation A headers that must stay
// silent: per-object callbacks of the slots' own types, by designator, by
// position (the third member of struct klp_object) and through the
// module's own macro, one with a const-qualified object; an assignment of
// a right function; a struct of the module's own with a member named
// callbacks whose pre_patch takes a state callback's parameters; a
// constructor behind a cast to klp_shadow_ctor_t, which is its type,
// passed through a macro that hides klp_shadow_get_or_alloc(); and a wrong
// function in #if 0 and in a comment. The legacy core runs every callback
// and the patched code's allocation without any harm.
// RUN: %klp-lint --checks=-*,callbacks-signature %s -- %api-a -Xclang -verify=klp
// PROOF: call livepatch_counter(&klp_sim_knobs)
// klp-no-diagnostics

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_COUNTER 9
#define GET_COUNTER(obj) \
	klp_shadow_get_or_alloc(obj, SV_COUNTER, sizeof(int), GFP_KERNEL, \
				(klp_shadow_ctor_t)counter_ctor, NULL)
#define OBJECT_CALLBACKS(pre, post) { .pre_patch = pre, .post_patch = post }

struct my_callbacks {
	int (*pre_patch)(struct klp_patch *patch, struct klp_state *state);
	struct klp_callbacks *callbacks;
};

static int counter_ctor(void *obj, void *shadow_data, void *ctor_data)
{
	*(int *)shadow_data = 1;
	return 0;
}

static int vmlinux_pre_patch(struct klp_object *obj)
{
	pr_info("%s\n", __func__);
	return 0;
}

static void vmlinux_post_patch(const struct klp_object *obj)
{
	pr_info("%s\n", __func__);
}

static void vmlinux_post_unpatch(struct klp_object *obj)
{
	klp_shadow_free_all(SV_COUNTER, NULL);
}

static int module_pre_patch(struct klp_object *obj)
{
	return 0;
}

static int state_style(struct klp_patch *patch, struct klp_state *state)
{
	return 0;
}

static struct my_callbacks mine = { .pre_patch = state_style };

int *livepatch_counter(void *obj)
{
	return GET_COUNTER(obj);
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, { } };
static struct klp_func mod_funcs[] = { { .old_name = "livepatch_test_target" }, { } };

static struct klp_object objs[] = {
	{ NULL, funcs, OBJECT_CALLBACKS(vmlinux_pre_patch,
					(void (*)(struct klp_object *))vmlinux_post_patch) },
	{ .name = "test_klp_target", .funcs = mod_funcs,
	  .callbacks = { .pre_patch = module_pre_patch } },
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static int livepatch_init(void)
{
	objs[0].callbacks.post_unpatch = vmlinux_post_unpatch;
	mine.callbacks = &objs[0].callbacks;
#if 0
	objs[0].callbacks.pre_patch = (void *)vmlinux_post_unpatch;
#endif
	/* objs[0].callbacks.pre_unpatch = (void *)state_style; is a comment */
	return klp_enable_patch(&patch);
}

static void livepatch_exit(void)
{
}

module_init(livepatch_init);
module_exit(livepatch_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
// SPDX-License-Identifier: GPL-2.0-only
