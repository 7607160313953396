/*
 * struct klp_state and struct klp_state_callbacks as the v1 series and the
 * POC have them part-way (docs/semantics.md#generation-b, docs/semantics.md#generation-c): the layouts
 * the analyzer accepts as partly migrated code. The including header picks
 * one with KLP_LAYOUT_*; everything else is generation C's.
 *
 *   KLP_LAYOUT_V1_01  after "[PATCH v1 01/19]": id, version, callbacks, data
 *   KLP_LAYOUT_V1_04  after "[PATCH v1 04/19]": id, callbacks, block_disable,
 *                     is_shadow, data
 *   KLP_LAYOUT_POC_1  after "[POC 1/7]": id, version, callbacks (setup ...),
 *                     data
 */
#ifndef _KLP_TEST_LAYOUTS_H
#define _KLP_TEST_LAYOUTS_H

#include <linux/completion.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/types.h>
#include <linux/workqueue.h>

struct klp_patch;
struct klp_state;

struct klp_func {
	const char *old_name;
	void *new_func;
	unsigned long old_sympos;
	void *old_func;
	struct list_head node;
	struct list_head stack_node;
	unsigned long old_size, new_size;
	bool nop;
	bool patched;
	bool transition;
};

struct klp_object {
	const char *name;
	struct klp_func *funcs;
	struct list_head func_list;
	struct list_head node;
	struct module *mod;
	bool dynamic;
	bool patched;
};

typedef int (*klp_shadow_ctor_t)(void *obj, void *shadow_data, void *ctor_data);
typedef void (*klp_shadow_dtor_t)(void *obj, void *shadow_data);

#ifdef KLP_LAYOUT_POC_1
struct klp_state_callbacks {
	int (*setup)(struct klp_patch *patch, struct klp_state *state);
	void (*enable)(struct klp_patch *patch, struct klp_state *state);
	void (*disable)(struct klp_patch *patch, struct klp_state *state);
	void (*release)(struct klp_patch *patch, struct klp_state *state);
	bool setup_succeeded;
};
#else
struct klp_state_callbacks {
	int (*pre_patch)(struct klp_patch *patch, struct klp_state *state);
	void (*post_patch)(struct klp_patch *patch, struct klp_state *state);
	void (*pre_unpatch)(struct klp_patch *patch, struct klp_state *state);
	void (*post_unpatch)(struct klp_patch *patch, struct klp_state *state);
#ifdef KLP_LAYOUT_V1_04
	klp_shadow_dtor_t shadow_dtor;
#endif
	bool pre_patch_succeeded;
};
#endif

struct klp_state {
	unsigned long id;
#ifdef KLP_LAYOUT_V1_04
	struct klp_state_callbacks callbacks;
	bool block_disable;
	bool is_shadow;
#else
	unsigned int version;
	struct klp_state_callbacks callbacks;
#endif
	void *data;
};

struct klp_patch {
	struct module *mod;
	struct klp_object *objs;
	struct klp_state *states;
	bool replace;
	struct list_head list;
	struct list_head obj_list;
	bool enabled;
	bool forced;
	struct work_struct free_work;
	struct completion finish;
};

int klp_enable_patch(struct klp_patch *patch);
void *klp_shadow_get(void *obj, unsigned long id);
void *klp_shadow_alloc(void *obj, unsigned long id, size_t size,
		       gfp_t gfp_flags, klp_shadow_ctor_t ctor, void *ctor_data);
void klp_shadow_free_all(unsigned long id, klp_shadow_dtor_t dtor);
struct klp_state *klp_get_state(struct klp_patch *patch, unsigned long id);
struct klp_state *klp_get_prev_state(unsigned long id);

#endif
/* SPDX-License-Identifier: GPL-2.0-only */
