/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Loadable modules for the klp-lint user-space kernel headers.
 *
 * A livepatch module is built into a shared object.  module_init() and
 * module_exit() define the global constants klp_module_init_fn and
 * klp_module_exit_fn, which a loader finds with dlsym().  MODULE_INFO()
 * strings go into section ".modinfo" as "tag=value", as in a .ko file.
 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/compiler.h>
#include <linux/completion.h>
#include <linux/export.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/notifier.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/stringify.h>
#include <linux/sysfs.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

/*
 * The kernel's <linux/module.h> reaches kmalloc(), the string helpers,
 * work queues and wait queues through kmod.h, umh.h, gfp.h, slab.h and
 * friends; modules rely on that, so this one includes them directly.
 */

#define MODULE_NAME_LEN		(64 - sizeof(unsigned long))

/**
 * enum module_state - life cycle of a module, as seen by module notifiers
 * @MODULE_STATE_LIVE: loaded and initialised
 * @MODULE_STATE_COMING: loaded; its init function has not finished yet
 * @MODULE_STATE_GOING: being removed, or its init function failed
 * @MODULE_STATE_UNFORMED: still being set up by the loader
 */
enum module_state {
	MODULE_STATE_LIVE,
	MODULE_STATE_COMING,
	MODULE_STATE_GOING,
	MODULE_STATE_UNFORMED,
};

/**
 * struct module - a loaded module
 * @name: the module name (KBUILD_MODNAME)
 * @state: where the module is in its life cycle
 * @klp: internal: the module is a livepatch (modinfo "livepatch=Y"); set by
 *	the loader
 * @klp_alive: internal: the livepatch core has seen the module coming and
 *	not yet going, so patches for it must be applied
 *
 * A kernel build pulls in <linux/mutex.h>, <linux/kobject.h> and
 * <linux/completion.h> through this header; so does this one, because
 * modules rely on it.
 */
struct module {
	const char *name;
	enum module_state state;

	/* internal */
	bool klp;
	bool klp_alive;
};

/* Defines __this_module in a user-space build; use in exactly one file. */
#define KLP_DEFINE_THIS_MODULE(modname)					\
	struct module __this_module = { .name = (modname) }

/* The entry points, looked up by name by the user-space module loader. */
extern const initcall_t klp_module_init_fn;
extern const exitcall_t klp_module_exit_fn;

#define module_init(initfn)						\
	const initcall_t klp_module_init_fn __used = (initfn)
#define module_exit(exitfn)						\
	const exitcall_t klp_module_exit_fn __used = (exitfn)

/* Parameters carry a leading underscore so that they never match a tag. */
#define MODULE_INFO(tag, info)		__MODULE_INFO(tag, tag, info)
#define MODULE_LICENSE(_license)	MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author)		MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_desc)	MODULE_INFO(description, _desc)
#define MODULE_VERSION(_version)	MODULE_INFO(version, _version)
#define MODULE_ALIAS(_alias)		MODULE_INFO(alias, _alias)
#define MODULE_SOFTDEP(_softdep)	MODULE_INFO(softdep, _softdep)

/**
 * try_module_get() - take a reference that keeps a module loaded
 * @module: the module, or NULL (always succeeds)
 *
 * Return: true if the reference was taken; false if the module is going.
 */
bool try_module_get(struct module *module);

/**
 * __module_get() - take a reference on a module known to be live
 * @module: the module, or NULL
 */
void __module_get(struct module *module);

/**
 * module_put() - drop a reference taken by try_module_get()
 * @module: the module, or NULL
 */
void module_put(struct module *module);

/**
 * register_module_notifier() - get told when modules come and go
 * @nb: notifier block; @action is a MODULE_STATE_* value, @data the module
 *
 * Return: 0 on success, or a negative errno.
 */
int register_module_notifier(struct notifier_block *nb);

/**
 * unregister_module_notifier() - undo register_module_notifier()
 * @nb: the notifier block passed at registration
 *
 * Return: 0 on success, or a negative errno.
 */
int unregister_module_notifier(struct notifier_block *nb);

/**
 * module_is_live() - test whether a module is not being removed
 * @mod: the module
 *
 * Return: false once the module has started going away.
 */
static inline bool module_is_live(struct module *mod)
{
	return mod->state != MODULE_STATE_GOING;
}

#endif /* _LINUX_MODULE_H */
