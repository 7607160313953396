// SPDX-License-Identifier: GPL-2.0-only
/*
 * core.c - the livepatch core: registering patches, disabling them through
 * the "enabled" control, following target modules as they come and go, and
 * freeing patches once nothing can run their code any more.
 *
 * Written from docs/semantics.md (generation C); section numbers below
 * refer to that document.  The model leaves out kobjects, ftrace and module
 * relocations; everything else keeps the kernel's order of steps, because
 * the order is what livepatch authors depend on.
 *
 * Built with CONFIG_KLP_GENERATION_A (klp-sim-a), the same file is the
 * generation A core of section 3.12: per-object callbacks instead of
 * per-state ones, at the points where every kernel up to 6.19 calls them.
 * The two generations differ only there, so each such point shows both.
 */
#define pr_fmt(fmt) "livepatch: " fmt

#include <string.h>

#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#include "compat/barrier.h"
#include "compat/compat.h"
#include "core.h"
#ifdef CONFIG_KLP_GENERATION_A
#include "legacy/callbacks.h"
#endif
#include "patch.h"
#include "state.h"
#include "transition.h"

/*
 * klp_mutex serialises everything that changes patches: registration, the
 * sysfs controls, the transition work and the module notifiers.  State
 * callbacks (per-object callbacks in generation A) run with it held.
 */
DEFINE_MUTEX(klp_mutex);

/* Registered patches in order of registration (section 2, "Patch list"). */
LIST_HEAD(klp_patches);

/* ------------------------------------------------------------------------
 * Symbols
 */

struct klp_find_arg {
	const char *name;
	unsigned long addr;
	unsigned long count;
	unsigned long pos;
};

static int klp_match_callback(void *data, unsigned long addr)
{
	struct klp_find_arg *args = data;

	args->count++;
	if (args->count == (args->pos ? args->pos : 1))
		args->addr = addr;
	/* With a position, stop there; without one, count every match. */
	return args->pos && args->count == args->pos;
}

static int klp_find_callback(void *data, const char *name, unsigned long addr)
{
	struct klp_find_arg *args = data;

	if (strcmp(args->name, name))
		return 0;
	return klp_match_callback(data, addr);
}

/*
 * Resolve @name in @objname (NULL: vmlinux).  old_sympos 0 demands a unique
 * name; n > 0 picks the n-th of several same-named (static) symbols.
 */
static int klp_find_object_symbol(const char *objname, const char *name,
				  unsigned long sympos, unsigned long *addr)
{
	struct klp_find_arg args = { .name = name, .pos = sympos };
	const char *where = objname ? objname : "vmlinux";

	if (objname)
		module_kallsyms_on_each_symbol(objname, klp_find_callback,
					       &args);
	else
		kallsyms_on_each_match_symbol(klp_match_callback, name, &args);

	if (!args.count) {
		pr_err("symbol '%s' not found in object '%s'\n", name, where);
	} else if (!sympos && args.count > 1) {
		pr_err("symbol '%s' is not unique in object '%s'; old_sympos must choose one\n",
		       name, where);
	} else if (!args.addr) {
		pr_err("object '%s' has no symbol '%s' at position %lu\n",
		       where, name, sympos);
	} else {
		*addr = args.addr;
		return 0;
	}
	*addr = 0;
	return -EINVAL;
}

/* ------------------------------------------------------------------------
 * Initialisation of a patch
 */

/*
 * A module object refers to a loaded module only between the module's
 * coming and going notifiers (klp_alive): before, klp_module_coming() will
 * patch it; after, klp_module_going() has already let go of it.
 */
static void klp_find_object_module(struct klp_object *obj)
{
	struct module *mod;

	if (!klp_is_module(obj))
		return;
	mod = find_module(obj->name);
	if (mod && mod->klp_alive)
		obj->mod = mod;
}

static int klp_init_func(struct klp_object *obj, struct klp_func *func)
{
	(void)obj;
	if (!func->old_name)
		return -EINVAL;
	/* A nop stands for the original code; it gets its address later. */
	if (!func->new_func && !func->nop)
		return -EINVAL;
	if (strlen(func->old_name) >= KSYM_NAME_LEN)
		return -EINVAL;

	INIT_LIST_HEAD(&func->stack_node);
	func->patched = false;
	func->transition = false;
	return 0;
}

/* Resolve the functions of an object whose code is present. */
static int klp_init_object_loaded(struct klp_patch *patch,
				  struct klp_object *obj)
{
	struct klp_func *func;
	int ret;

	(void)patch;
	klp_for_each_func(obj, func) {
		ret = klp_find_object_symbol(obj->name, func->old_name,
					     func->old_sympos,
					     (unsigned long *)&func->old_func);
		if (ret)
			return ret;

		ret = kallsyms_lookup_size_offset((unsigned long)func->old_func,
						  &func->old_size, NULL);
		if (!ret) {
			pr_err("kallsyms size lookup failed for '%s'\n",
			       func->old_name);
			return -ENOENT;
		}

		if (func->nop)
			func->new_func = func->old_func;

		ret = kallsyms_lookup_size_offset((unsigned long)func->new_func,
						  &func->new_size, NULL);
		if (!ret) {
			pr_err("kallsyms size lookup failed for '%s' replacement\n",
			       func->old_name);
			return -ENOENT;
		}
	}
	return 0;
}

static int klp_init_object(struct klp_patch *patch, struct klp_object *obj)
{
	struct klp_func *func;
	int ret;

	if (klp_is_module(obj) && strlen(obj->name) >= MODULE_NAME_LEN)
		return -EINVAL;

	obj->patched = false;
	obj->mod = NULL;
	klp_find_object_module(obj);

	klp_for_each_func(obj, func) {
		ret = klp_init_func(obj, func);
		if (ret)
			return ret;
	}

	if (klp_is_object_loaded(obj))
		return klp_init_object_loaded(patch, obj);
	return 0;
}

static void klp_init_func_early(struct klp_object *obj, struct klp_func *func)
{
	list_add_tail(&func->node, &obj->func_list);
}

static void klp_init_object_early(struct klp_patch *patch,
				  struct klp_object *obj)
{
	INIT_LIST_HEAD(&obj->func_list);
	list_add_tail(&obj->node, &patch->obj_list);
}

static void klp_free_patch_work_fn(struct work_struct *work);

/*
 * Link the static arrays into the patch's lists, so that every later step,
 * including the error path, can walk static and dynamic entries alike.
 */
static void klp_init_patch_early(struct klp_patch *patch)
{
	struct klp_object *obj;
	struct klp_func *func;

	INIT_LIST_HEAD(&patch->list);
	INIT_LIST_HEAD(&patch->obj_list);
	patch->enabled = false;
	patch->forced = false;
	INIT_WORK(&patch->free_work, klp_free_patch_work_fn);
	init_completion(&patch->finish);

	klp_for_each_object_static(patch, obj) {
		klp_init_object_early(patch, obj);
		klp_for_each_func_static(obj, func)
			klp_init_func_early(obj, func);
	}
}

/* ------------------------------------------------------------------------
 * Nops for atomic replace
 */

static bool klp_same_sympos(unsigned long a, unsigned long b)
{
	/* 0 ("the unique one") and 1 ("the first one") name the same symbol. */
	return (a ? a : 1) == (b ? b : 1);
}

static struct klp_object *klp_find_object(struct klp_patch *patch,
					  struct klp_object *old_obj)
{
	struct klp_object *obj;

	klp_for_each_object(patch, obj) {
		if (klp_is_module(old_obj) != klp_is_module(obj))
			continue;
		if (!klp_is_module(old_obj) ||
		    !strcmp(old_obj->name, obj->name))
			return obj;
	}
	return NULL;
}

static struct klp_func *klp_find_func(struct klp_object *obj,
				      struct klp_func *old_func)
{
	struct klp_func *func;

	klp_for_each_func(obj, func)
		if (!strcmp(old_func->old_name, func->old_name) &&
		    klp_same_sympos(old_func->old_sympos, func->old_sympos))
			return func;
	return NULL;
}

static struct klp_object *klp_alloc_object_dynamic(const char *name,
						   struct klp_patch *patch)
{
	struct klp_object *obj = kzalloc(sizeof(*obj), GFP_KERNEL);

	if (!obj)
		return NULL;
	if (name) {
		obj->name = kstrdup(name, GFP_KERNEL);
		if (!obj->name) {
			kfree(obj);
			return NULL;
		}
	}
	klp_init_object_early(patch, obj);
	obj->dynamic = true;
	return obj;
}

static struct klp_func *klp_alloc_func_nop(struct klp_func *old_func,
					   struct klp_object *obj)
{
	struct klp_func *func = kzalloc(sizeof(*func), GFP_KERNEL);

	if (!func)
		return NULL;
	func->old_name = kstrdup(old_func->old_name, GFP_KERNEL);
	if (!func->old_name) {
		kfree(func);
		return NULL;
	}
	klp_init_func_early(obj, func);
	/* new_func stays NULL until the object is loaded (see above). */
	func->old_sympos = old_func->old_sympos;
	func->nop = true;
	return func;
}

static int klp_add_object_nops(struct klp_patch *patch,
			       struct klp_object *old_obj)
{
	struct klp_object *obj = klp_find_object(patch, old_obj);
	struct klp_func *old_func, *func;

	if (!obj) {
		obj = klp_alloc_object_dynamic(old_obj->name, patch);
		if (!obj)
			return -ENOMEM;
	}
	klp_for_each_func(old_obj, old_func) {
		if (klp_find_func(obj, old_func))
			continue;
		func = klp_alloc_func_nop(old_func, obj);
		if (!func)
			return -ENOMEM;
	}
	return 0;
}

/*
 * An atomic replace must also undo what the replaced patches changed and
 * the new one does not: a nop for each such function restores the original
 * during the transition.  The nops go away once it completes.
 */
static int klp_add_nops(struct klp_patch *patch)
{
	struct klp_patch *old_patch;
	struct klp_object *old_obj;
	int ret;

	klp_for_each_patch(old_patch) {
		klp_for_each_object(old_patch, old_obj) {
			ret = klp_add_object_nops(patch, old_obj);
			if (ret)
				return ret;
		}
	}
	return 0;
}

static int klp_init_patch(struct klp_patch *patch)
{
	struct klp_object *obj;
	int ret;

	if (patch->replace) {
		ret = klp_add_nops(patch);
		if (ret)
			return ret;
	}

	klp_for_each_object(patch, obj) {
		ret = klp_init_object(patch, obj);
		if (ret)
			return ret;
	}

	/*
	 * On the list before the transition starts (section 2): from now on
	 * the patch counts for the shared-state rule and for
	 * klp_get_prev_state().
	 */
	list_add_tail(&patch->list, &klp_patches);
	return 0;
}

/* ------------------------------------------------------------------------
 * Freeing
 */

static void __klp_free_funcs(struct klp_object *obj, bool nops_only)
{
	struct klp_func *func, *tmp_func;

	klp_for_each_func_safe(obj, func, tmp_func) {
		if (nops_only && !func->nop)
			continue;
		list_del(&func->node);
		if (func->nop) {
			kfree(func->old_name);
			kfree(func);
		}
	}
}

static void klp_free_object_loaded(struct klp_object *obj)
{
	struct klp_func *func;

	obj->mod = NULL;
	klp_for_each_func(obj, func) {
		func->old_func = NULL;
		if (func->nop)
			func->new_func = NULL;
	}
}

static void __klp_free_objects(struct klp_patch *patch, bool nops_only)
{
	struct klp_object *obj, *tmp_obj;

	klp_for_each_object_safe(patch, obj, tmp_obj) {
		__klp_free_funcs(obj, nops_only);
		if (nops_only && !obj->dynamic)
			continue;
		list_del(&obj->node);
		if (obj->dynamic) {
			kfree(obj->name);
			kfree(obj);
		}
	}
}

static void klp_free_objects(struct klp_patch *patch)
{
	__klp_free_objects(patch, false);
}

static void klp_free_objects_dynamic(struct klp_patch *patch)
{
	__klp_free_objects(patch, true);
}

/*
 * The first half of freeing needs klp_mutex: the patch leaves the list
 * (and sysfs) and drops its dynamic parts.
 */
static void klp_free_patch_start(struct klp_patch *patch)
{
	if (!list_empty(&patch->list))
		list_del_init(&patch->list);
	klp_free_objects(patch);
}

/*
 * The second half runs without klp_mutex: in the kernel it waits for
 * sysfs readers to let go of the kobjects.  Then the module may go, unless
 * a forced transition left tasks that might still run its code.
 */
static void klp_free_patch_finish(struct klp_patch *patch)
{
	/* The kobject release would signal this; there are no kobjects. */
	complete(&patch->finish);
	wait_for_completion(&patch->finish);

	if (!patch->forced)
		module_put(patch->mod);
}

static void klp_free_patch_work_fn(struct work_struct *work)
{
	struct klp_patch *patch = container_of(work, struct klp_patch,
					       free_work);

	klp_free_patch_finish(patch);
}

void klp_free_patch_async(struct klp_patch *patch)
{
	klp_free_patch_start(patch);
	schedule_work(&patch->free_work);
}

void klp_free_replaced_patches_async(struct klp_patch *new_patch)
{
	struct klp_patch *old_patch, *tmp_patch;

	klp_for_each_patch_safe(old_patch, tmp_patch) {
		if (old_patch == new_patch)
			return;
		klp_free_patch_async(old_patch);
	}
}

/* The patches before @new_patch stop being in effect (section 3.2). */
void klp_unpatch_replaced_patches(struct klp_patch *new_patch)
{
	struct klp_patch *old_patch;

	klp_for_each_patch(old_patch) {
		if (old_patch == new_patch)
			return;
		old_patch->enabled = false;
		klp_unpatch_objects(old_patch);
	}
}

/* With the replaced patches gone, the nops have nothing left to hide. */
void klp_discard_nops(struct klp_patch *new_patch)
{
	klp_unpatch_objects_dynamic(new_patch);
	klp_free_objects_dynamic(new_patch);
}

/* ------------------------------------------------------------------------
 * Enabling and disabling
 */

static int __klp_enable_patch(struct klp_patch *patch)
{
	struct klp_object *obj;
	int ret;

	if (klp_transition_patch)
		return -EBUSY;
	if (WARN_ON(patch->enabled))
		return -EINVAL;

	pr_notice("enabling patch '%s'\n", patch->mod->name);

	klp_init_transition(patch, KLP_TRANSITION_PATCHED);

#ifndef CONFIG_KLP_GENERATION_A
	/* Section 3.1 step 6: prepare the new states before any code moves. */
	ret = klp_states_pre_patch(patch);
	if (ret)
		goto err;

	/* Step 7: the states this replace drops start going away now. */
	if (patch->replace)
		klp_states_pre_unpatch_replaced(patch);
#endif

	/*
	 * Order the states' setup and the transition flags set by
	 * klp_init_transition() before the new functions become reachable;
	 * pairs with the reads in klp_ftrace_handler().
	 */
	smp_wmb();

	klp_for_each_object(patch, obj) {
		if (!klp_is_object_loaded(obj))
			continue;
#ifdef CONFIG_KLP_GENERATION_A
		/*
		 * Section 3.12: each loaded object prepares just before its
		 * own functions are redirected; an object that is not loaded
		 * prepares when its module comes.  A replace runs nothing for
		 * the patches it replaces.
		 */
		ret = klp_pre_patch_callback(obj);
		if (ret) {
			pr_warn("pre-patch callback failed for object '%s'\n",
				klp_object_name(obj));
			goto err;
		}
#endif
		ret = klp_patch_object(obj);
		if (ret) {
			pr_warn("failed to patch object '%s'\n",
				klp_object_name(obj));
			goto err;
		}
	}

	klp_start_transition();
	patch->enabled = true;
	klp_try_complete_transition();
	return 0;
err:
	pr_warn("failed to enable patch '%s'\n", patch->mod->name);
	klp_cancel_transition();
	return ret;
}

/**
 * klp_enable_patch() - register a livepatch and start patching
 * @patch:	the patch; it must stay valid until the module is removed
 *
 * Follows section 3.1: argument checks, then under klp_mutex the
 * compatibility check, initialisation (the patch joins klp_patches), the
 * states' pre_patch callbacks and the start of the transition.  The
 * transition may complete later; the module's init succeeds anyway.
 *
 * Return: 0; -EINVAL for bad arguments, a module not marked as a
 * livepatch, or an incompatible patch; -ENODEV if the module is going;
 * -EBUSY while another transition runs; or the error of a pre_patch
 * callback or of patching an object.
 */
int klp_enable_patch(struct klp_patch *patch)
{
	struct klp_object *obj;
	int ret;

	if (!patch || !patch->mod || !patch->objs)
		return -EINVAL;

	klp_for_each_object_static(patch, obj) {
		if (!obj->funcs)
			return -EINVAL;
	}

	if (!patch->mod->klp) {
		pr_err("module '%s' is not marked as a livepatch module\n",
		       patch->mod->name);
		return -EINVAL;
	}

	mutex_lock(&klp_mutex);

	if (!klp_is_patch_compatible(patch)) {
		pr_err("Livepatch patch (%s) is not compatible with the already installed livepatches.\n",
		       patch->mod->name);
		mutex_unlock(&klp_mutex);
		return -EINVAL;
	}

	/* Held until the patch is freed: its code may run until then. */
	if (!try_module_get(patch->mod)) {
		mutex_unlock(&klp_mutex);
		return -ENODEV;
	}

	klp_init_patch_early(patch);

	ret = klp_init_patch(patch);
	if (ret)
		goto err;

	ret = __klp_enable_patch(patch);
	if (ret)
		goto err;

	mutex_unlock(&klp_mutex);
	return 0;

err:
	klp_free_patch_start(patch);
	mutex_unlock(&klp_mutex);
	klp_free_patch_finish(patch);
	return ret;
}

/* Section 3.3, __klp_disable_patch(). */
static int __klp_disable_patch(struct klp_patch *patch)
{
#ifdef CONFIG_KLP_GENERATION_A
	struct klp_object *obj;
#endif

	if (WARN_ON(!patch->enabled))
		return -EINVAL;
	if (klp_transition_patch)
		return -EBUSY;

	klp_init_transition(patch, KLP_TRANSITION_UNPATCHED);

#ifdef CONFIG_KLP_GENERATION_A
	/*
	 * Section 3.12 "Disable": only objects whose functions are
	 * redirected now; a module that went away already ran its
	 * pre_unpatch when it left.
	 */
	klp_for_each_object(patch, obj)
		if (obj->patched)
			klp_pre_unpatch_callback(obj);
#else
	klp_states_pre_unpatch(patch);
#endif

	/*
	 * The states are deactivated before any task may leave the new code;
	 * pairs with the reads in klp_ftrace_handler().
	 */
	smp_wmb();

	klp_start_transition();
	patch->enabled = false;
	klp_try_complete_transition();
	return 0;
}

/* ------------------------------------------------------------------------
 * sysfs: /sys/kernel/livepatch/<patch>/{enabled,transition,force,replace}
 * and /sys/kernel/livepatch/<patch>/<object>/patched
 */

/* A write to .../enabled (section 3.3). */
static ssize_t enabled_store(struct klp_patch *patch, const char *buf,
			     size_t count)
{
	bool enabled;
	int ret;

	ret = kstrtobool(buf, &enabled);
	if (ret)
		return ret;

	mutex_lock(&klp_mutex);

	if (patch->enabled == enabled) {
		ret = -EINVAL;
		goto out;
	}

#ifndef CONFIG_KLP_GENERATION_A
	/*
	 * (Generation A has no block_disable: every patch can be disabled.)
	 * Only the patch's own states count, even a shared one.  enabled is
	 * set as soon as an enabling transition starts, so this also refuses
	 * to reverse a stuck enable (section 3.8).
	 */
	if (patch->enabled && klp_patch_disable_blocked(patch)) {
		pr_warn("The livepatch '%s' does not support disable\n",
			patch->mod->name);
		ret = -EINVAL;
		goto out;
	}
#endif

	if (patch == klp_transition_patch)
		klp_reverse_transition();
	else if (!enabled)
		ret = __klp_disable_patch(patch);
	else
		/* A disabled patch is on its way out; it cannot come back. */
		ret = -EINVAL;

out:
	mutex_unlock(&klp_mutex);
	return ret < 0 ? ret : (ssize_t)count;
}

static ssize_t enabled_show(struct klp_patch *patch, char *buf)
{
	return sysfs_emit(buf, "%d\n", patch->enabled);
}

static ssize_t transition_show(struct klp_patch *patch, char *buf)
{
	return sysfs_emit(buf, "%d\n", patch == klp_transition_patch);
}

/* A write of 1 to .../force (section 3.6.5). */
static ssize_t force_store(struct klp_patch *patch, const char *buf,
			   size_t count)
{
	bool val;
	int ret;

	ret = kstrtobool(buf, &val);
	if (ret)
		return ret;
	if (!val)
		return count;

	mutex_lock(&klp_mutex);
	if (patch != klp_transition_patch) {
		mutex_unlock(&klp_mutex);
		return -EINVAL;
	}
	klp_force_transition();
	mutex_unlock(&klp_mutex);
	return count;
}

static ssize_t replace_show(struct klp_patch *patch, char *buf)
{
	return sysfs_emit(buf, "%d\n", patch->replace);
}

static ssize_t patched_show(struct klp_object *obj, char *buf)
{
	return sysfs_emit(buf, "%d\n", obj->patched);
}

const struct klp_patch_attribute klp_patch_attrs[] = {
	{ "enabled",	0644,	enabled_show,	enabled_store },
	{ "transition",	0444,	transition_show, NULL },
	{ "force",	0200,	NULL,		force_store },
	{ "replace",	0444,	replace_show,	NULL },
	{ NULL }
};

const struct klp_object_attribute klp_object_attrs[] = {
	{ "patched",	0444,	patched_show },
	{ NULL }
};

/* ------------------------------------------------------------------------
 * Target modules (section 3.10)
 */

/*
 * Undo what klp_module_coming() did for @mod, for every patch before
 * @limit (NULL: all).  No state callback runs and no shadow variable is
 * freed: states belong to patches, not to objects.  In generation A the
 * object's own pre_unpatch and post_unpatch run around the unpatching
 * (section 3.12 "Module going"); pre_unpatch not for the transition
 * patch, whose post_patch has not run yet either.
 */
static void klp_cleanup_module_patches_limited(struct module *mod,
					       struct klp_patch *limit)
{
	struct klp_patch *patch;
	struct klp_object *obj;

	klp_for_each_patch(patch) {
		if (patch == limit)
			break;
		klp_for_each_object(patch, obj) {
			if (!klp_is_module(obj) || strcmp(obj->name, mod->name))
				continue;
#ifdef CONFIG_KLP_GENERATION_A
			if (patch != klp_transition_patch)
				klp_pre_unpatch_callback(obj);
#endif
			pr_notice("reverting patch '%s' on unloading module '%s'\n",
				  patch->mod->name, obj->name);
			klp_unpatch_object(obj);
#ifdef CONFIG_KLP_GENERATION_A
			klp_post_unpatch_callback(obj);
#endif
			klp_free_object_loaded(obj);
			break;
		}
	}
}

/**
 * klp_module_coming() - patch a module that is being loaded
 * @mod:	the module, in MODULE_STATE_COMING
 *
 * Runs before the module's init, so the module never runs unpatched code
 * that a patch replaces.  No state callback runs (section 3.10).  In
 * generation A each patch's object for @mod runs its pre_patch, which may
 * refuse the module, and its post_patch unless that patch's transition is
 * still running: completion will run it then (section 3.12).
 *
 * Return: 0, or the error that refuses the module load.
 */
int klp_module_coming(struct module *mod)
{
	struct klp_patch *patch;
	struct klp_object *obj;
	int ret;

	if (WARN_ON(mod->state != MODULE_STATE_COMING))
		return -EINVAL;
	if (!strcmp(mod->name, "vmlinux")) {
		pr_err("vmlinux.ko: invalid module name\n");
		return -EINVAL;
	}

	mutex_lock(&klp_mutex);
	/*
	 * From now on klp_init_object() of a new patch sees the module, and
	 * this loop sees every patch registered before.  Either way each
	 * patch handles the module exactly once.
	 */
	mod->klp_alive = true;

	klp_for_each_patch(patch) {
		klp_for_each_object(patch, obj) {
			if (!klp_is_module(obj) || strcmp(obj->name, mod->name))
				continue;

			obj->mod = mod;
			ret = klp_init_object_loaded(patch, obj);
			if (ret) {
				pr_warn("failed to initialize patch '%s' for module '%s' (%d)\n",
					patch->mod->name, obj->name, ret);
				goto err;
			}

			pr_notice("applying patch '%s' to loading module '%s'\n",
				  patch->mod->name, obj->name);

#ifdef CONFIG_KLP_GENERATION_A
			ret = klp_pre_patch_callback(obj);
			if (ret) {
				pr_warn("pre-patch callback failed for object '%s'\n",
					obj->name);
				goto err;
			}
#endif

			ret = klp_patch_object(obj);
			if (ret) {
				pr_warn("failed to apply patch '%s' to module '%s' (%d)\n",
					patch->mod->name, obj->name, ret);
#ifdef CONFIG_KLP_GENERATION_A
				/*
				 * Undo this object's pre_patch; the error
				 * path undoes the earlier patches' objects.
				 */
				klp_post_unpatch_callback(obj);
#endif
				goto err;
			}
#ifdef CONFIG_KLP_GENERATION_A
			if (patch != klp_transition_patch)
				klp_post_patch_callback(obj);
#endif
			break;
		}
	}

	mutex_unlock(&klp_mutex);
	return 0;

err:
	pr_warn("patch '%s' failed for module '%s', refusing to load module '%s'\n",
		patch->mod->name, obj->name, obj->name);
	mod->klp_alive = false;
	obj->mod = NULL;
	klp_cleanup_module_patches_limited(mod, patch);
	mutex_unlock(&klp_mutex);
	return ret;
}

/**
 * klp_module_going() - drop the patches of a module that is being removed
 * @mod:	the module, after its exit or after a failed init
 *
 * Runs no state callback and frees no shadow variable (section 3.10); in
 * generation A the objects' pre_unpatch and post_unpatch callbacks run
 * (section 3.12), and still no shadow variable is freed.
 */
void klp_module_going(struct module *mod)
{
	if (WARN_ON(mod->state != MODULE_STATE_GOING &&
		    mod->state != MODULE_STATE_COMING))
		return;

	mutex_lock(&klp_mutex);
	/* Patches registered from now on must not see the module. */
	mod->klp_alive = false;
	klp_cleanup_module_patches_limited(mod, NULL);
	mutex_unlock(&klp_mutex);
}
