// SPDX-License-Identifier: GPL-2.0-only
/*
 * klp_model.c - a livepatch module that becomes the patch another module
 * describes, for klp-lint's compatibility runs (docs/compat.md).
 *
 * klp-lint knows a livepatch module's struct klp_patch from its sources, its
 * recorded facts or its .ko: whether it replaces, and for each state its
 * id, block_disable, is_shadow and which callbacks are set.  To run the
 * upgrades and downgrades between the releases of a product in the
 * reference core without the releases' code, it loads one copy of this
 * module per release, named after the release, with parameters that say
 * what the release's patch says:
 *
 *   replace=1		the patch is an atomic replace
 *   states=<list>	its states, in order: "<id>[:<member>[,<member>]...]"
 *			joined by ';', each member one of block_disable,
 *			is_shadow, pre_patch, post_patch, pre_unpatch,
 *			post_unpatch and shadow_dtor
 *
 * The callbacks it sets do nothing: the core logs each call it makes, which
 * is what the runs compare.  klp_compat_use() stands for the release's
 * patched code running: it takes one shadow variable for each is_shadow
 * state, hung off the state's knob (knob[id % 64]) as the standard test
 * livepatch does, so that which variables are freed, and by whom, shows.
 */
#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/string.h>

/* vmlinux settings the test livepatches hang their shadow variables off. */
#define KLP_MODEL_NR_KNOBS	64
extern int klp_sim_knobs[KLP_MODEL_NR_KNOBS];

/* The longest states= value: MAX_PARAM_PREFIX_LEN is far below it. */
#define KLP_MODEL_STATES_LEN	4096

static bool replace;
module_param(replace, bool, 0444);
MODULE_PARM_DESC(replace, "The patch is an atomic replace");

static char states_desc[KLP_MODEL_STATES_LEN];
module_param_string(states, states_desc, sizeof(states_desc), 0444);
MODULE_PARM_DESC(states, "The states: <id>[:<member>,...] joined by ';'");

static int klp_model_pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	(void)patch;
	(void)state;
	return 0;
}

static void klp_model_callback(struct klp_patch *patch,
			       struct klp_state *state)
{
	(void)patch;
	(void)state;
}

static void klp_model_shadow_dtor(void *obj, void *shadow_data)
{
	(void)obj;
	(void)shadow_data;
}

/* The patched function: a vmlinux function the runner lacks (a phantom). */
static int klp_model_target(void)
{
	return 0;
}

static struct klp_func klp_model_funcs[] = {
	{
		.old_name = "klp_compat_target",
		.new_func = klp_model_target,
	}, { }
};

static struct klp_object klp_model_objs[] = {
	{
		/* vmlinux */
		.funcs = klp_model_funcs,
	}, { }
};

static struct klp_state *klp_model_states;

static struct klp_patch klp_model_patch = {
	.mod = THIS_MODULE,
	.objs = klp_model_objs,
};

/**
 * klp_model_set_member() - set one member of a state from its name
 * @state:	the state
 * @member:	"block_disable", "is_shadow", a callback's name or "shadow_dtor"
 *
 * Return: 0, or -EINVAL for a name that is none of these.
 */
static int klp_model_set_member(struct klp_state *state, const char *member)
{
	struct klp_state_callbacks *cb = &state->callbacks;

	if (!strcmp(member, "block_disable"))
		state->block_disable = true;
	else if (!strcmp(member, "is_shadow"))
		state->is_shadow = true;
	else if (!strcmp(member, "pre_patch"))
		cb->pre_patch = klp_model_pre_patch;
	else if (!strcmp(member, "post_patch"))
		cb->post_patch = klp_model_callback;
	else if (!strcmp(member, "pre_unpatch"))
		cb->pre_unpatch = klp_model_callback;
	else if (!strcmp(member, "post_unpatch"))
		cb->post_unpatch = klp_model_callback;
	else if (!strcmp(member, "shadow_dtor"))
		cb->shadow_dtor = klp_model_shadow_dtor;
	else
		return -EINVAL;
	return 0;
}

/**
 * klp_model_parse_states() - build states[] from the states= parameter
 *
 * Return: 0, -ENOMEM, or -EINVAL for a description that does not parse (the
 * state's id is 0 or not a number, or a member is unknown).
 */
static int klp_model_parse_states(void)
{
	char *desc = states_desc, *entry;
	size_t n = 0, i = 0;
	int ret = 0;

	if (!*desc)
		return 0;
	for (const char *p = desc; *p; p++)
		n += *p == ';';
	/* One more entry than separators, and the terminator. */
	klp_model_states = kcalloc(n + 2, sizeof(*klp_model_states), GFP_KERNEL);
	if (!klp_model_states)
		return -ENOMEM;
	while ((entry = strsep(&desc, ";")) && !ret) {
		char *id = strsep(&entry, ":"), *member;
		unsigned long value;

		if (kstrtoul(id, 10, &value) || !value) {
			pr_err("klp_model: bad state id '%s'\n", id);
			ret = -EINVAL;
			break;
		}
		klp_model_states[i].id = value;
		while (entry && (member = strsep(&entry, ",")) && !ret)
			if (klp_model_set_member(&klp_model_states[i], member)) {
				pr_err("klp_model: unknown state member '%s'\n",
				       member);
				ret = -EINVAL;
			}
		i++;
	}
	if (ret) {
		kfree(klp_model_states);
		klp_model_states = NULL;
	}
	return ret;
}

/**
 * klp_compat_use() - the patched code runs
 *
 * Takes the shadow variable of each is_shadow state on the state's knob,
 * as code that uses the state would; an existing one (of an earlier
 * release that held the state) is kept.
 */
void klp_compat_use(void)
{
	struct klp_state *state;

	if (!klp_model_states)
		return;
	for (state = klp_model_states; state->id; state++)
		if (state->is_shadow)
			klp_shadow_get_or_alloc(&klp_sim_knobs[state->id % KLP_MODEL_NR_KNOBS],
						state->id, sizeof(int), GFP_KERNEL,
						NULL, NULL);
}

static int __init klp_model_init(void)
{
	int ret = klp_model_parse_states();

	if (ret)
		return ret;
	klp_model_patch.states = klp_model_states;
	klp_model_patch.replace = replace;
	ret = klp_enable_patch(&klp_model_patch);
	if (ret) {
		kfree(klp_model_states);
		klp_model_states = NULL;
	}
	return ret;
}

static void __exit klp_model_exit(void)
{
	kfree(klp_model_states);
}

module_init(klp_model_init);
module_exit(klp_model_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
MODULE_DESCRIPTION("The patch of a release, as klp-lint compat describes it");
