/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Live patching API: generation A (upstream, every released kernel up to
 * 6.19) clean-room user-space header for kernel-support's legacy mode.
 *
 * Generation A is the mainline API: per-object callbacks in struct
 * klp_object, and the versioned system-state API of Linux 5.5.  The
 * layouts follow the 6.12 kernel's include/linux/livepatch.h (the order of
 * the members and the function names are facts of that header); the text
 * is written from docs/semantics.md#generation-a and
 * docs/semantics.md#generation-a-semantics, not copied.
 *
 * The legacy build (klp-sim-a) searches this directory before
 * kernel-support/include, so every other header is shared with
 * generation C.  kernel-support/include stays generation C: it is also
 * klp-lint's embedded default header set.
 *
 * As in the generation C header, the kernel's kobjects are left out: the
 * user-space core models sysfs without them.  Internal members are set by
 * the livepatch core; a livepatch module initialises only the members
 * marked external.
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
 * The same in every generation.  A funcs[] array ends at the first entry
 * whose @old_name, @new_func and @old_sympos are all zero.
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

struct klp_object;

/**
 * struct klp_callbacks - hooks run for one object of a patch
 * @pre_patch:	before the object is patched: when the patch is enabled
 *		(the object is loaded) or when the object's module loads
 *		(the patch is enabled).  A non-zero return refuses the
 *		enable, or the module load.
 * @post_patch:	after the object is patched: at the end of the patching
 *		transition, or right after a module load outside one.
 * @pre_unpatch: before the object is unpatched: when the patch is
 *		disabled, or when the module goes away outside a transition.
 * @post_unpatch: after the object is unpatched: at the end of the
 *		unpatching transition (also after a cancelled or reversed
 *		enable), or when the module goes away.  Runs only if
 *		@post_unpatch_enabled.
 * @post_unpatch_enabled: internal: set when @pre_patch succeeded (or there
 *		is none), cleared after post-unpatch
 *
 * The callbacks run once per object and transition, with the core's mutex
 * held.  An atomic replace runs only the new patch's callbacks: the
 * replaced patches never get @pre_unpatch or @post_unpatch.
 */
struct klp_callbacks {
	int (*pre_patch)(struct klp_object *obj);
	void (*post_patch)(struct klp_object *obj);
	void (*pre_unpatch)(struct klp_object *obj);
	void (*post_unpatch)(struct klp_object *obj);
	bool post_unpatch_enabled;
};

/**
 * struct klp_object - the functions to replace in vmlinux or in one module
 * @name:	module name, or NULL for vmlinux
 * @funcs:	funcs[] array, terminated as described at struct klp_func
 * @callbacks:	the object's callbacks
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
	struct klp_callbacks callbacks;

	/* internal */
	struct list_head func_list;
	struct list_head node;
	struct module *mod;
	bool dynamic;
	bool patched;
};

/**
 * struct klp_state - a system state that a livepatch modifies
 * @id:		non-zero identifier; the first entry with id 0 ends a
 *		states[] array
 * @version:	the version of the modification; a patch that has the state
 *		in a lower version than an installed patch is refused
 * @data:	whatever the patch's callbacks keep for the state; the core
 *		does not touch it
 *
 * The core only checks compatibility with the installed patches; the
 * callbacks find the states with klp_get_state() and klp_get_prev_state().
 */
struct klp_state {
	unsigned long id;
	unsigned int version;
	void *data;
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
 * Called from the livepatch module's init function.  Checks the versions
 * of the patch's states against the installed patches, runs the pre_patch
 * callbacks of the loaded objects and starts the transition; the
 * transition may complete later.
 *
 * Return: 0 on success; -EINVAL for a malformed or incompatible patch;
 * -EBUSY while another transition is running; or the error of a failed
 * pre_patch callback.
 */
int klp_enable_patch(struct klp_patch *patch);

/**
 * klp_module_coming() - patch a module that is being loaded
 * @mod:	the module, in MODULE_STATE_COMING
 *
 * Runs the pre_patch and (outside a transition) post_patch callbacks of
 * every patch's object for @mod.
 *
 * Return: 0, or a negative errno if a patch for @mod could not be applied
 * or its pre_patch callback failed; the module load then fails.
 */
int klp_module_coming(struct module *mod);

/**
 * klp_module_going() - drop the patches of a module that is being removed
 * @mod:	the module, in MODULE_STATE_GOING or after a failed init
 *
 * Runs the pre_unpatch (outside a transition) and post_unpatch callbacks
 * of every patch's object for @mod.
 */
void klp_module_going(struct module *mod);

/**
 * klp_update_patch_state() - move a task to the current transition target
 * @task:	the task; it must not be running in a function being patched
 */
void klp_update_patch_state(struct task_struct *task);

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
 * Runs in atomic context with the shadow lock held, once per variable.
 */
typedef void (*klp_shadow_dtor_t)(void *obj, void *shadow_data);

/**
 * klp_shadow_get() - look up a shadow variable
 * @obj:	the object the variable is attached to
 * @id:		the variable's id
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
 *
 * Generation A frees shadow variables only here and in klp_shadow_free():
 * nothing in the core frees them when a patch goes away.
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
 * Valid only while a transition runs, that is in the callbacks: searches
 * the patches before the transition patch, so that a cumulative patch can
 * take over what an earlier one set up.  Outside a transition it warns
 * once and returns NULL.
 *
 * Return: the last matching entry among the earlier patches, or NULL.
 */
struct klp_state *klp_get_prev_state(unsigned long id);

#endif /* _LINUX_LIVEPATCH_H */
