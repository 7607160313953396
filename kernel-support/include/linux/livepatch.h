/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Live patching API: generation C (v1 series, Jan 2025) clean-room
 * user-space header for klp-lint/kernel-support.
 *
 * Generation C is "[PATCH v1 00/19] livepatch: Better integrate callbacks
 * and shadow variables with the states API", 15 Jan 2025.  This header is
 * written from docs/semantics.md#generation-a and #generation-c,
 * not from kernel sources.
 *
 * Compared with upstream (generation A): struct klp_object has no per-object
 * callbacks; struct klp_state carries per-state callbacks, block_disable and
 * is_shadow instead of version and data.  struct klp_func, struct klp_patch,
 * the shadow-variable API and klp_get_state()/klp_get_prev_state() are
 * unchanged.
 *
 * Internal members are set by the livepatch core; a livepatch module only
 * initialises the members marked external.  The kernel's kobjects are left
 * out: the user-space core models sysfs without them.
 */
#ifndef _LINUX_LIVEPATCH_H
#define _LINUX_LIVEPATCH_H

#include <linux/completion.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/types.h>
#include <linux/workqueue.h>

/* Values of task_struct.patch_state and of the transition target. */
#define KLP_TRANSITION_IDLE		-1
#define KLP_TRANSITION_UNPATCHED	 0
#define KLP_TRANSITION_PATCHED		 1

struct klp_patch;
struct klp_state;
struct task_struct;

/**
 * struct klp_func - one function to be replaced
 * @old_name:	name of the function to replace
 * @new_func:	the replacement; it must have the same prototype
 * @old_sympos:	which of several same-named symbols in the object is meant:
 *		0 requires the name to be unique, 1 is the first, and so on
 * @old_func:	address of the original function, resolved when the object
 *		is initialised
 * @node:	link in klp_object.func_list
 * @stack_node:	link in the per-address stack of replacements; the top
 *		entry is the one in effect
 * @old_size:	size of the original function in bytes
 * @new_size:	size of the replacement in bytes
 * @nop:	a dummy entry added by atomic replace that restores the
 *		original code; @new_func is then unused
 * @patched:	the redirection is in place
 * @transition:	a transition involving this function is in progress
 *
 * A funcs[] array ends at the first entry whose @old_name, @new_func and
 * @old_sympos are all zero.
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
 * @funcs:	funcs[] array, terminated as described at struct klp_func
 * @func_list:	all functions of the object, static and dynamic
 * @node:	link in klp_patch.obj_list
 * @mod:	the module while it is loaded; NULL for vmlinux
 * @dynamic:	allocated by atomic replace to hold nop functions
 * @patched:	all functions of the object are redirected
 *
 * An objs[] array ends at the first entry whose @name and @funcs are both
 * NULL.  An entry with a @name but no @funcs makes klp_enable_patch() fail
 * with -EINVAL.
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
 * @shadow_data: the new variable's data, already zeroed
 * @ctor_data:	the caller's argument to klp_shadow_alloc() or
 *		klp_shadow_get_or_alloc()
 *
 * Runs in atomic context with the shadow lock held: it must not sleep and
 * must not call the shadow-variable API.
 *
 * Return: 0 to keep the variable; any other value discards it, and the
 * allocating call returns NULL.
 */
typedef int (*klp_shadow_ctor_t)(void *obj, void *shadow_data, void *ctor_data);

/**
 * typedef klp_shadow_dtor_t - release what a shadow variable refers to
 * @obj:	the object the variable is attached to
 * @shadow_data: the variable's data; the core frees it afterwards
 *
 * Runs in atomic context with the shadow lock held, once per variable: it
 * must not sleep and must not call the shadow-variable API.
 */
typedef void (*klp_shadow_dtor_t)(void *obj, void *shadow_data);

/**
 * struct klp_state_callbacks - hooks run when a state is introduced or removed
 * @pre_patch:	before the patching transition, when no other patch holds
 *		the state's id.  May fail: a non-zero return aborts the enable,
 *		and this state then gets neither @post_unpatch nor a shadow
 *		free, so it must undo its own partial work.
 * @post_patch:	after the patching transition has completed, for the same
 *		states as @pre_patch.  Also re-run to undo @pre_unpatch when a
 *		disable or a replace is reversed or cancelled.
 * @pre_unpatch: before the unpatching transition, when the state is about
 *		to disappear (the patch is disabled, or an atomic replace drops
 *		the id).
 * @post_unpatch: after the unpatching transition, for the same states as
 *		@pre_unpatch; also on rollback of a failed or reversed enable.
 *		Runs only if @pre_patch_succeeded.
 * @shadow_dtor: destructor passed to klp_shadow_free_all() when the core
 *		frees the state's shadow variables (see klp_state.is_shadow);
 *		may be NULL
 * @pre_patch_succeeded: internal: set once the state has passed its
 *		pre-patch step, cleared after post-unpatch; gates
 *		@post_unpatch and the shadow free
 *
 * All callbacks are optional and run in process context with the
 * livepatch core's mutex held, so they may sleep but must not call back
 * into the core.  A state shared with another patch on the patch list gets
 * no callbacks at all: they run only on the first introduction and the
 * final removal of an id.
 */
struct klp_state_callbacks {
	int (*pre_patch)(struct klp_patch *patch, struct klp_state *state);
	void (*post_patch)(struct klp_patch *patch, struct klp_state *state);
	void (*pre_unpatch)(struct klp_patch *patch, struct klp_state *state);
	void (*post_unpatch)(struct klp_patch *patch, struct klp_state *state);
	klp_shadow_dtor_t shadow_dtor;
	bool pre_patch_succeeded;
};

/**
 * struct klp_state - a system state that a livepatch introduces or relies on
 * @id:		non-zero identifier, unique in meaning across all livepatches
 *		ever loaded; the first entry with id 0 ends a states[] array
 * @callbacks:	hooks run when the state is introduced or removed
 * @block_disable: the patch cannot be disabled while it is enabled, and an
 *		atomic replace is refused unless it lists this id too
 * @is_shadow:	shadow variables with the same @id belong to the state; the
 *		core frees them with callbacks.shadow_dtor after post_unpatch
 */
struct klp_state {
	unsigned long id;
	struct klp_state_callbacks callbacks;
	bool block_disable;
	bool is_shadow;
};

/**
 * struct klp_patch - a livepatch, as registered by klp_enable_patch()
 * @mod:	the livepatch module (THIS_MODULE)
 * @objs:	objs[] array, terminated as described at struct klp_object
 * @states:	states[] array ending with an entry whose id is 0, or NULL
 * @replace:	atomic replace: this patch replaces all patches installed
 *		before it
 * @list:	link in the core's list of patches, in order of addition
 * @obj_list:	all objects of the patch, static and dynamic
 * @enabled:	the patch is enabled, or an enabling transition is running
 * @forced:	a transition of this patch was forced; the module can no
 *		longer be removed safely
 * @free_work:	frees the patch outside the core's mutex
 * @finish:	signalled when the patch's resources are released
 */
struct klp_patch {
	/* external */
	struct module *mod;
	struct klp_object *objs;
	struct klp_state *states;
	bool replace;

	/* internal */
	struct list_head list;
	struct list_head obj_list;
	bool enabled;
	bool forced;
	struct work_struct free_work;
	struct completion finish;
};

/* Walk the static arrays, up to their terminating entries. */
#define klp_for_each_object_static(patch, obj)				\
	for (obj = (patch)->objs; (obj)->funcs || (obj)->name; obj++)

#define klp_for_each_func_static(obj, func)				\
	for (func = (obj)->funcs;					\
	     (func) && ((func)->old_name || (func)->new_func ||		\
			(func)->old_sympos);				\
	     func++)

#define klp_for_each_state(patch, state)				\
	for (state = (patch)->states; (state) && (state)->id; state++)

/* Walk the lists built by the core, static and dynamic entries alike. */
#define klp_for_each_object(patch, obj)					\
	list_for_each_entry(obj, &(patch)->obj_list, node)
#define klp_for_each_object_safe(patch, obj, tmp_obj)			\
	list_for_each_entry_safe(obj, tmp_obj, &(patch)->obj_list, node)
#define klp_for_each_func(obj, func)					\
	list_for_each_entry(func, &(obj)->func_list, node)
#define klp_for_each_func_safe(obj, func, tmp_func)			\
	list_for_each_entry_safe(func, tmp_func, &(obj)->func_list, node)

/**
 * klp_enable_patch() - register a livepatch and start patching
 * @patch:	the patch; it must stay valid until the module is removed
 *
 * Called from the livepatch module's init function.  Checks compatibility
 * with the installed patches, runs the states' pre_patch callbacks and
 * starts the transition; the transition may complete later.
 *
 * Return: 0 on success; -EINVAL for a malformed or incompatible patch;
 * -EBUSY while another transition is running; or the error of a failed
 * pre_patch callback.
 */
int klp_enable_patch(struct klp_patch *patch);

/**
 * klp_shadow_get() - look up a shadow variable
 * @obj:	the object the variable is attached to
 * @id:		the variable's id
 *
 * Lockless; may be called in any context.
 *
 * Return: the variable's data, or NULL if <@obj, @id> has none.
 */
void *klp_shadow_get(void *obj, unsigned long id);

/**
 * klp_shadow_alloc() - attach a new shadow variable to an object
 * @obj:	the object
 * @id:		the variable's id
 * @size:	size of the variable's data
 * @gfp_flags:	allocation flags; must suit the caller's context
 * @ctor:	constructor run on the zeroed data, or NULL
 * @ctor_data:	argument for @ctor
 *
 * Return: the new variable's data, or NULL if <@obj, @id> already exists
 * (a warning is logged), the allocation failed or @ctor failed.
 */
void *klp_shadow_alloc(void *obj, unsigned long id, size_t size,
		       gfp_t gfp_flags, klp_shadow_ctor_t ctor,
		       void *ctor_data);

/**
 * klp_shadow_get_or_alloc() - look up a shadow variable, creating it if absent
 * @obj:	the object
 * @id:		the variable's id
 * @size:	size of the variable's data
 * @gfp_flags:	allocation flags; must suit the caller's context
 * @ctor:	constructor, run only if a new variable is created, or NULL
 * @ctor_data:	argument for @ctor
 *
 * Return: the existing or new variable's data, or NULL if the allocation
 * or @ctor failed.
 */
void *klp_shadow_get_or_alloc(void *obj, unsigned long id, size_t size,
			      gfp_t gfp_flags, klp_shadow_ctor_t ctor,
			      void *ctor_data);

/**
 * klp_shadow_free() - detach and free one shadow variable
 * @obj:	the object
 * @id:		the variable's id
 * @dtor:	destructor run before the data is freed, or NULL
 */
void klp_shadow_free(void *obj, unsigned long id, klp_shadow_dtor_t dtor);

/**
 * klp_shadow_free_all() - free the shadow variables with @id of all objects
 * @id:		the variables' id
 * @dtor:	destructor run on each before its data is freed, or NULL
 */
void klp_shadow_free_all(unsigned long id, klp_shadow_dtor_t dtor);

/**
 * klp_get_state() - find a state in a patch
 * @patch:	the patch whose states[] is searched
 * @id:		the state's id
 *
 * May be called at any time.
 *
 * Return: @patch's own entry with @id, or NULL.
 */
struct klp_state *klp_get_state(struct klp_patch *patch, unsigned long id);

/**
 * klp_get_prev_state() - find a state in the patches installed earlier
 * @id:		the state's id
 *
 * Valid only while a transition runs: searches the patches before the
 * transition patch.  Outside a transition it warns once and returns NULL.
 *
 * Return: the last matching entry among the earlier patches, or NULL.
 */
struct klp_state *klp_get_prev_state(unsigned long id);

/**
 * klp_module_coming() - patch a module that is being loaded
 * @mod:	the module, in MODULE_STATE_COMING
 *
 * Return: 0, or a negative errno if a patch for @mod could not be applied;
 * the module load then fails.
 */
int klp_module_coming(struct module *mod);

/**
 * klp_module_going() - drop the patches of a module that is being removed
 * @mod:	the module, in MODULE_STATE_GOING or after a failed init
 */
void klp_module_going(struct module *mod);

/**
 * klp_update_patch_state() - move a task to the current transition target
 * @task:	the task; it must not be running in a function being patched
 */
void klp_update_patch_state(struct task_struct *task);

#endif /* _LINUX_LIVEPATCH_H */
