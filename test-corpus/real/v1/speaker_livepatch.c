// SPDX-License-Identifier: GPL-2.0-only
/*
 * speaker_livepatch.c - a livepatch of the speaker module.
 *
 * It replaces speaker_welcome() with a more formal greeting and
 * block_doors_func() with a fixed version.  Each "applause" parameter
 * turns on one livepatch state (ids 10 and 11) whose text lives in a
 * shadow variable: pre_patch allocates it as "[]" (or "[2]"), post_patch
 * turns it into "[APPLAUSE]", pre_unpatch back, and the core frees it
 * (is_shadow) after post_unpatch.  The states[] array is built at run time
 * from the parameters, so the same module serves every combination; the
 * "replace" parameter makes it an atomic replace.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#include "speaker.h"

#define NR_APPLAUSE		2
#define FIRST_APPLAUSE_ID	10
#define APPLAUSE_LEN		24

/* Every version of the livepatch finds the texts under the same object. */
static void *const applause_obj;

static bool want_applause[NR_APPLAUSE];
module_param_named(applause, want_applause[0], bool, 0400);
MODULE_PARM_DESC(applause, "Add state 10, the first applause (default: false)");
module_param_named(applause2, want_applause[1], bool, 0400);
MODULE_PARM_DESC(applause2, "Add state 11, the second applause (default: false)");

static int pre_patch_ret;
module_param(pre_patch_ret, int, 0400);
MODULE_PARM_DESC(pre_patch_ret, "Error that every pre_patch callback returns (default: 0)");

static bool replace;
module_param(replace, bool, 0400);
MODULE_PARM_DESC(replace, "Replace all other livepatches (default: false)");

static unsigned int applause_index(unsigned long id)
{
	return id - FIRST_APPLAUSE_ID;
}

/* "" for the first applause, "2" for the second. */
static const char *applause_suffix(unsigned long id, char *buf, size_t size)
{
	unsigned int idx = applause_index(id);

	if (idx >= NR_APPLAUSE) {
		pr_err("%s: no applause for state %lu\n", __func__, id);
		return "";
	}
	if (!idx)
		return "";
	snprintf(buf, size, "%u", idx + 1);
	return buf;
}

static void lp_greet(const char *caller, const char *speaker,
		     const char *context)
{
	char all[NR_APPLAUSE * APPLAUSE_LEN + 2] = "";
	size_t len = 0;
	ssize_t n;
	int idx;

	for (idx = 0; idx < NR_APPLAUSE; idx++) {
		const char *text = klp_shadow_get(applause_obj,
						  FIRST_APPLAUSE_ID + idx);

		if (!text)
			continue;
		n = strscpy(all + len, text, sizeof(all) - len);
		if (n < 0) {
			pr_warn("applause truncated\n");
			len = sizeof(all) - 1;
			break;
		}
		len += n;
	}
	if (len && len + 1 < sizeof(all))
		strscpy(all + len, " ", sizeof(all) - len);

	pr_info("%s%s: %sLadies and gentleman, ...%s\n", caller, speaker, all,
		context);
}

static void lp_speaker_welcome(const char *context)
{
	lp_greet(__func__, "", context);
}

static char *applause_text(unsigned long id)
{
	char *text = klp_shadow_get(applause_obj, id);

	if (!text)
		pr_err("%s: state %lu has no applause text\n", __func__, id);
	return text;
}

static void set_applause(unsigned long id, bool loud)
{
	char suffix[8];
	char *text = applause_text(id);

	if (!text)
		return;
	snprintf(text, APPLAUSE_LEN, loud ? "[APPLAUSE%s]" : "[%s]",
		 applause_suffix(id, suffix, sizeof(suffix)));
}

static int applause_pre_patch_callback(struct klp_patch *patch,
				       struct klp_state *state)
{
	char *text;

	pr_info("%s: state %lu\n", __func__, state->id);
	if (pre_patch_ret) {
		pr_err("%s: forcing err: %pe\n", __func__,
		       ERR_PTR(pre_patch_ret));
		return pre_patch_ret;
	}

	/* A new state: no variable may exist yet. */
	text = klp_shadow_alloc(applause_obj, state->id, APPLAUSE_LEN,
				GFP_KERNEL, NULL, NULL);
	if (!text) {
		pr_err("%s: no memory for the applause of state %lu\n",
		       __func__, state->id);
		return -ENOMEM;
	}
	set_applause(state->id, false);
	return 0;
}

static void applause_post_patch_callback(struct klp_patch *patch,
					 struct klp_state *state)
{
	pr_info("%s: state %lu\n", __func__, state->id);
	set_applause(state->id, true);
}

static void applause_pre_unpatch_callback(struct klp_patch *patch,
					  struct klp_state *state)
{
	pr_info("%s: state %lu\n", __func__, state->id);
	set_applause(state->id, false);
}

/* Nothing to undo: the core frees the variable (is_shadow). */
static void applause_post_unpatch_callback(struct klp_patch *patch,
					   struct klp_state *state)
{
	pr_info("%s: state %lu (nope)\n", __func__, state->id);
	applause_text(state->id);
}

static void applause_shadow_dtor(void *obj, void *shadow_data)
{
	pr_info("%s: freeing applause %s (nope)\n", __func__,
		(char *)shadow_data);
}

/* Keep the frame on the stack: no sibling call through the pointer. */
__attribute__((__optimize__("no-optimize-sibling-calls")))
static void lp_block_doors_func(struct work_struct *work)
{
	struct hall *h = container_of(work, struct hall, block_doors_work);

	pr_info("%s: Going to block doors (fixed).\n", __func__);
	h->do_block_doors();
}

static struct klp_func speaker_funcs[] = {
	{
		.old_name = "speaker_welcome",
		.new_func = lp_speaker_welcome,
	},
	{
		.old_name = "block_doors_func",
		.new_func = lp_block_doors_func,
	},
	{ }
};

static struct klp_object objs[] = {
	{
		.name = "test_klp_speaker",
		.funcs = speaker_funcs,
	},
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

/* Built by applause_states_init(), terminated by a zeroed entry. */
static struct klp_state *states;

static int applause_states_init(void)
{
	int idx, nr = 0;

	for (idx = 0; idx < NR_APPLAUSE; idx++)
		nr += want_applause[idx];
	if (!nr)
		return 0;

	states = kzalloc(sizeof(*states) * (nr + 1), GFP_KERNEL);
	if (!states)
		return -ENOMEM;
	patch.states = states;

	nr = 0;
	for (idx = 0; idx < NR_APPLAUSE; idx++) {
		struct klp_state *state;

		if (!want_applause[idx])
			continue;
		state = &states[nr++];
		state->id = FIRST_APPLAUSE_ID + idx;
		state->is_shadow = true;
		state->callbacks.pre_patch = applause_pre_patch_callback;
		state->callbacks.post_patch = applause_post_patch_callback;
		state->callbacks.pre_unpatch = applause_pre_unpatch_callback;
		state->callbacks.post_unpatch = applause_post_unpatch_callback;
		state->callbacks.shadow_dtor = applause_shadow_dtor;
	}
	return 0;
}

static int speaker_livepatch_init(void)
{
	int ret;

	ret = applause_states_init();
	if (ret)
		return ret;
	patch.replace = replace;
	ret = klp_enable_patch(&patch);
	if (ret)
		kfree(states);
	return ret;
}

static void speaker_livepatch_exit(void)
{
	kfree(states);
}

module_init(speaker_livepatch_init);
module_exit(speaker_livepatch_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
MODULE_DESCRIPTION("Real-style livepatch of the speaker module with per-state applause");
