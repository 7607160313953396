/*
 * Live patching API, generation B: the final state (patch 7) of "[POC 0/7]
 * livepatch: Make livepatch states, callbacks, and shadow variables work
 * together", Nov 2023.  Clean-room mock header for the klp-lint test
 * corpus, written from docs/semantics.md#generation-b, not from kernel
 * sources.  Use with -I test-corpus/include/api-b -I kernel-support/include.
 *
 * Generation B has per-state callbacks named setup/enable/disable/release,
 * no per-object callbacks, and (by accident in POC-7) a version member in
 * struct klp_patch.
 */
#ifndef _LINUX_LIVEPATCH_H
#define _LINUX_LIVEPATCH_H

#include <linux/completion.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/types.h>
#include <linux/workqueue.h>

/* The POC predates the 6.9 rename to KLP_TRANSITION_*. */
#define KLP_UNDEFINED	-1
#define KLP_UNPATCHED	 0
#define KLP_PATCHED	 1

struct klp_patch;
struct klp_state;

/**
 * struct klp_func - one function to be replaced
 * @old_name:	name of the function to replace
 * @new_func:	the replacement; it must have the same prototype
 * @old_sympos:	which of several same-named symbols is meant (0: unique)
 * @old_func:	address of the original function
 * @node:	link in klp_object.func_list
 * @stack_node:	link in the per-address stack of replacements
 * @old_size:	size of the original function
 * @new_size:	size of the replacement
 * @nop:	dummy entry of an atomic replace, restoring the original
 * @patched:	the redirection is in place
 * @transition:	a transition involving this function is in progress
 *
 * A funcs[] array ends at the first all-zero entry.
 */
struct klp_func {
	/* external */
	const char *old_name;
	void *new_func;
	unsigned long old_sympos;

	/* internal */
	void *old_func;
	struct list_head node;
	struct list_head stack_node;
	unsigned long old_size, new_size;
	bool nop;
	bool patched;
	bool transition;
};

/**
 * struct klp_object - the functions to replace in vmlinux or in one module
 * @name:	module name, or NULL for vmlinux
 * @funcs:	funcs[] array
 * @func_list:	all functions of the object
 * @node:	link in klp_patch.obj_list
 * @mod:	the module while it is loaded; NULL for vmlinux
 * @dynamic:	allocated by atomic replace to hold nop functions
 * @patched:	all functions of the object are redirected
 *
 * An objs[] array ends at the first entry whose @name and @funcs are NULL.
 */
struct klp_object {
	/* external */
	const char *name;
	struct klp_func *funcs;

	/* internal */
	struct list_head func_list;
	struct list_head node;
	struct module *mod;
	bool dynamic;
	bool patched;
};

/**
 * typedef klp_shadow_ctor_t - initialise a new shadow variable
 * @obj:	the object the variable is attached to
 * @shadow_data: the new, zeroed data
 * @ctor_data:	the caller's argument
 *
 * Runs in atomic context.  Return: 0 to keep the variable.
 */
typedef int (*klp_shadow_ctor_t)(void *obj, void *shadow_data, void *ctor_data);

/**
 * typedef klp_shadow_dtor_t - release what a shadow variable refers to
 * @obj:	the object the variable is attached to
 * @shadow_data: the data, freed by the core afterwards
 *
 * Runs in atomic context.
 */
typedef void (*klp_shadow_dtor_t)(void *obj, void *shadow_data);

/**
 * struct klp_state_callbacks - hooks run when a state is introduced or removed
 * @setup:	prepare the state before patching; may fail
 * @enable:	activate the state after the patching transition
 * @disable:	deactivate the state before the unpatching transition
 * @release:	clean up after the unpatching transition; runs only if
 *		@setup_succeeded
 * @shadow_dtor: destructor for the state's shadow variables, or NULL
 * @setup_succeeded: internal: @setup has run successfully (or is absent)
 *
 * Each callback runs once per state, only when the state is introduced or
 * removed, not when it is shared with another installed patch.
 */
struct klp_state_callbacks {
	int (*setup)(struct klp_patch *patch, struct klp_state *state);
	void (*enable)(struct klp_patch *patch, struct klp_state *state);
	void (*disable)(struct klp_patch *patch, struct klp_state *state);
	void (*release)(struct klp_patch *patch, struct klp_state *state);
	klp_shadow_dtor_t shadow_dtor;
	bool setup_succeeded;
};

/**
 * struct klp_state - a system state that a livepatch introduces or relies on
 * @id:		non-zero identifier; id 0 ends a states[] array
 * @callbacks:	hooks run when the state is introduced or removed
 * @block_disable: the patch cannot be disabled, and an atomic replace must
 *		list this id too
 * @is_shadow:	shadow variables with the same @id belong to the state and
 *		are freed with callbacks.shadow_dtor when it is removed
 * @data:	free for the patch's own use
 */
struct klp_state {
	unsigned long id;
	struct klp_state_callbacks callbacks;
	bool block_disable;
	bool is_shadow;
	void *data;
};

/**
 * struct klp_patch - a livepatch, as registered by klp_enable_patch()
 * @mod:	the livepatch module (THIS_MODULE)
 * @objs:	objs[] array
 * @states:	states[] array ending with id 0, or NULL
 * @version:	left over by accident in POC-7; unused
 * @replace:	atomic replace of all patches installed before it
 * @list:	link in the core's list of patches
 * @obj_list:	all objects of the patch
 * @enabled:	the patch is enabled, or being enabled
 * @forced:	a transition of this patch was forced
 * @free_work:	frees the patch outside the core's mutex
 * @finish:	signalled when the patch's resources are released
 */
struct klp_patch {
	/* external */
	struct module *mod;
	struct klp_object *objs;
	struct klp_state *states;
	unsigned int version;
	bool replace;

	/* internal */
	struct list_head list;
	struct list_head obj_list;
	bool enabled;
	bool forced;
	struct work_struct free_work;
	struct completion finish;
};

#define klp_for_each_object_static(patch, obj)				\
	for (obj = (patch)->objs; (obj)->funcs || (obj)->name; obj++)

#define klp_for_each_func_static(obj, func)				\
	for (func = (obj)->funcs;					\
	     (func) && ((func)->old_name || (func)->new_func ||		\
			(func)->old_sympos);				\
	     func++)

#define klp_for_each_state(patch, state)				\
	for (state = (patch)->states; (state) && (state)->id; state++)

/**
 * klp_enable_patch() - register a livepatch and start patching
 * @patch:	the patch
 *
 * Return: 0 on success, or a negative errno.
 */
int klp_enable_patch(struct klp_patch *patch);

/**
 * klp_shadow_get() - look up a shadow variable
 * @obj:	the object
 * @id:		the variable's id
 *
 * Return: the data, or NULL.
 */
void *klp_shadow_get(void *obj, unsigned long id);

/**
 * klp_shadow_alloc() - attach a new shadow variable to an object
 * @obj:	the object
 * @id:		the variable's id
 * @size:	size of the data
 * @gfp_flags:	allocation flags
 * @ctor:	constructor, or NULL
 * @ctor_data:	argument for @ctor
 *
 * Return: the new data, or NULL if it exists already or on failure.
 */
void *klp_shadow_alloc(void *obj, unsigned long id, size_t size,
		       gfp_t gfp_flags, klp_shadow_ctor_t ctor,
		       void *ctor_data);

/**
 * klp_shadow_get_or_alloc() - look up a shadow variable, creating it if absent
 * @obj:	the object
 * @id:		the variable's id
 * @size:	size of the data
 * @gfp_flags:	allocation flags
 * @ctor:	constructor for a new variable, or NULL
 * @ctor_data:	argument for @ctor
 *
 * Return: the existing or new data, or NULL on failure.
 */
void *klp_shadow_get_or_alloc(void *obj, unsigned long id, size_t size,
			      gfp_t gfp_flags, klp_shadow_ctor_t ctor,
			      void *ctor_data);

/**
 * klp_shadow_free() - detach and free one shadow variable
 * @obj:	the object
 * @id:		the variable's id
 * @dtor:	destructor, or NULL
 */
void klp_shadow_free(void *obj, unsigned long id, klp_shadow_dtor_t dtor);

/**
 * klp_shadow_free_all() - free the shadow variables with @id of all objects
 * @id:		the variables' id
 * @dtor:	destructor, or NULL
 */
void klp_shadow_free_all(unsigned long id, klp_shadow_dtor_t dtor);

/**
 * klp_get_state() - find a state in a patch
 * @patch:	the patch
 * @id:		the state's id
 *
 * Return: @patch's entry with @id, or NULL.
 */
struct klp_state *klp_get_state(struct klp_patch *patch, unsigned long id);

/**
 * klp_get_prev_state() - find a state in the patches installed earlier
 * @id:		the state's id
 *
 * Valid only during a transition.  Return: the last earlier entry, or NULL.
 */
struct klp_state *klp_get_prev_state(unsigned long id);

#endif /* _LINUX_LIVEPATCH_H */
/* SPDX-License-Identifier: GPL-2.0-only */
