/*
 * A generation C module built against a kernel whose internal members
 * differ from every known layout (as a debug kernel configuration makes
 * them): each klp struct carries an extra internal member. Only DWARF
 * knows these offsets.
 */
#include <stdbool.h>

struct module;
struct klp_patch;
struct klp_state;

struct klp_func {
	const char *old_name;
	void *new_func;
	unsigned long old_sympos;
	char debug_only[40];		/* internal, configuration-dependent */
};

struct klp_object {
	const char *name;
	struct klp_func *funcs;
	char debug_only[24];
};

struct klp_state_callbacks {
	int (*pre_patch)(struct klp_patch *patch, struct klp_state *state);
	void (*post_patch)(struct klp_patch *patch, struct klp_state *state);
	void (*pre_unpatch)(struct klp_patch *patch, struct klp_state *state);
	void (*post_unpatch)(struct klp_patch *patch, struct klp_state *state);
	void (*shadow_dtor)(void *obj, void *shadow_data);
	bool pre_patch_succeeded;
};

struct klp_state {
	unsigned long id;
	struct klp_state_callbacks callbacks;
	bool block_disable;
	bool is_shadow;
};

struct klp_patch {
	struct module *mod;
	struct klp_object *objs;
	struct klp_state *states;
	bool replace;
	char debug_only[72];
};

extern struct module __this_module;

static int new_func(void) { return 2; }
static void state_post_unpatch(struct klp_patch *p, struct klp_state *s) { }

static struct klp_func funcs[] = {
	{ .old_name = "old_func", .new_func = new_func, .old_sympos = 3 },
	{ }
};

static struct klp_object objs[] = {
	{ .name = "target_mod", .funcs = funcs },
	{ }
};

static struct klp_state states[] = {
	{ .id = 42, .callbacks = { .post_unpatch = state_post_unpatch },
	  .block_disable = true },
	{ }
};

struct klp_patch other_config_patch = {
	.mod = &__this_module,
	.objs = objs,
	.states = states,
	.replace = true,
};
// SPDX-License-Identifier: GPL-2.0-only
