/*
 * Live patching API, generation A (upstream): the part shared with build
 * tools (klp-build, objtool), as added in Linux 6.19.  Clean-room mock
 * header for the klp-lint test corpus, written from docs/semantics.md
 * section 1.1, not from kernel sources.
 */
#ifndef _LINUX_LIVEPATCH_EXTERNAL_H
#define _LINUX_LIVEPATCH_EXTERNAL_H

#include <linux/types.h>

/* Name prefixes of livepatch relocation sections and symbols in a .ko. */
#define KLP_RELOC_SEC_PREFIX	".klp.rela."
#define KLP_SYM_PREFIX		".klp.sym."

struct klp_object;

/* Per-object callback types; see struct klp_callbacks. */
typedef int (*klp_pre_patch_t)(struct klp_object *obj);
typedef void (*klp_post_patch_t)(struct klp_object *obj);
typedef void (*klp_pre_unpatch_t)(struct klp_object *obj);
typedef void (*klp_post_unpatch_t)(struct klp_object *obj);

/**
 * struct klp_callbacks - per-object hooks around (un)patching
 * @pre_patch:	before the object is patched; a non-zero return refuses the
 *		patch (or the loading of the target module)
 * @post_patch:	after the patching transition has completed
 * @pre_unpatch: before the unpatching transition starts
 * @post_unpatch: after the object has been unpatched
 * @post_unpatch_enabled: internal: @pre_patch succeeded (or is absent), so
 *		@post_unpatch is due
 *
 * Unlike the per-state callbacks of later generations, these run once per
 * loaded object on every transition of the patch, and again whenever the
 * target module is loaded or removed while the patch is enabled.
 */
struct klp_callbacks {
	klp_pre_patch_t pre_patch;
	klp_post_patch_t post_patch;
	klp_pre_unpatch_t pre_unpatch;
	klp_post_unpatch_t post_unpatch;
	bool post_unpatch_enabled;
};

/**
 * struct klp_func_ext - a function to replace, as emitted by klp-build
 * @old_name:	name of the function to replace
 * @new_func:	the replacement
 * @sympos:	which same-named symbol is meant (0: the name is unique)
 */
struct klp_func_ext {
	const char *old_name;
	void *new_func;
	unsigned long sympos;
};

/**
 * struct klp_object_ext - an object to patch, as emitted by klp-build
 * @name:	module name, or NULL for vmlinux
 * @funcs:	the object's functions
 * @callbacks:	the object's callbacks (from the KLP_*_CALLBACK() macros)
 * @nr_funcs:	number of entries in @funcs
 */
struct klp_object_ext {
	const char *name;
	struct klp_func_ext *funcs;
	struct klp_callbacks callbacks;
	unsigned int nr_funcs;
};

#endif /* _LINUX_LIVEPATCH_EXTERNAL_H */
/* SPDX-License-Identifier: GPL-2.0-only */
