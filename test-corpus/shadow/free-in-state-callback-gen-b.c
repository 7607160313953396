// Generation B (POC) spellings: disable is C's pre_unpatch, release its
// post_unpatch (docs/semantics.md#role-mapping). The is_shadow state's disable frees the variables
// while the patched code still runs, and its release frees them with no
// destructor although the state has a shadow_dtor; the messages name the
// callbacks by their B names.
// RUN: %klp-lint --checks=-*,shadow-free-in-state-callback %s -- %api-b -Xclang -verify=klp

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_TAB 0x150
#define SV_ROW 0x151

static void tab_dtor(void *obj, void *shadow_data)
{
}

static void tab_release(struct klp_patch *patch, struct klp_state *state)
{
	klp_shadow_free_all(SV_TAB, NULL); // klp-warning {{shadow variables of is_shadow state 'SV_TAB' (336) are freed by hand by klp_shadow_free_all() in its release callback 'tab_release'}}
}

static void row_disable(struct klp_patch *patch, struct klp_state *state)
{
	klp_shadow_free_all(SV_ROW, NULL); // klp-warning {{shadow variables of is_shadow state 'SV_ROW' (337) are freed by hand by klp_shadow_free_all() in its disable callback 'row_disable'}}
}

static int open_tab(void *obj)
{
	klp_shadow_get_or_alloc(obj, SV_ROW, 8, GFP_ATOMIC, NULL, NULL);
	return klp_shadow_get_or_alloc(obj, SV_TAB, 8, GFP_ATOMIC, NULL, NULL) ? 0 : -ENOMEM;
}

static struct klp_func funcs[] = { { .old_name = "open_tab", .new_func = open_tab }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_TAB, .is_shadow = true, // klp-note {{state 'SV_TAB' (336) is declared here with is_shadow}}
	  .callbacks = { .release = tab_release, .shadow_dtor = tab_dtor } },
	{ .id = SV_ROW, .is_shadow = true, .callbacks = { .disable = row_disable } }, // klp-note {{state 'SV_ROW' (337) is declared here with is_shadow}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
