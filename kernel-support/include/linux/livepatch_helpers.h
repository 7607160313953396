/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * klp-build's per-object callback macros, for code written for them and
 * built against generation C.  Clean-room user-space header for
 * klp-lint/kernel-support, written from docs/semantics.md#generation-a
 * ("Callback macros", klp-build, Linux 6.19), not from kernel sources.
 *
 * KLP_PRE_PATCH_CALLBACK(fn) and its three siblings define a __used pointer
 * to fn, named __klp_<role>_callback_<obj>, in the section
 * .discard.klp_callback_ptrs, where <obj> is __KBUILD_MODNAME when it is
 * defined and vmlinux otherwise.  In generation A, objtool's "klp diff"
 * copies these pointers into the callbacks of the struct klp_object the
 * livepatch gets for <obj>.
 *
 * Generation C has no per-object callbacks ("[PATCH v1 19/19]", 15 Jan
 * 2025): struct klp_object has no callbacks member, so nothing can copy
 * the pointers and the functions are never called.  The macros exist here
 * so that such code compiles, and the model reports what it finds: klp-sim
 * lists the section and the symbols as "never called: per-object
 * callback".  klp-lint's callbacks-per-object flags every expansion.
 */
#ifndef _LINUX_LIVEPATCH_HELPERS_H
#define _LINUX_LIVEPATCH_HELPERS_H

#include <linux/compiler.h>

struct klp_object;

/*
 * The per-object callback types of generation A (section 1.1). In 6.19 they
 * live in livepatch_external.h, which generation A headers include (the
 * test corpus's api-a set uses this same file); generation C has no such
 * header, so they are declared here then.
 */
#ifndef _LINUX_LIVEPATCH_EXTERNAL_H
typedef int (*klp_pre_patch_t)(struct klp_object *obj);
typedef void (*klp_post_patch_t)(struct klp_object *obj);
typedef void (*klp_pre_unpatch_t)(struct klp_object *obj);
typedef void (*klp_post_unpatch_t)(struct klp_object *obj);
#endif

#ifdef __KBUILD_MODNAME
#define __KLP_OBJNAME	__KBUILD_MODNAME
#else
#define __KLP_OBJNAME	vmlinux
#endif

/* Two levels, so that __KLP_OBJNAME is expanded before it is pasted. */
#define ___KLP_CALLBACK_PTR(role, obj, fn)				\
	static klp_##role##_t __klp_##role##_callback_##obj		\
	__used __section(".discard.klp_callback_ptrs") = (fn)
#define __KLP_CALLBACK_PTR(role, obj, fn)				\
	___KLP_CALLBACK_PTR(role, obj, fn)

#define KLP_PRE_PATCH_CALLBACK(fn)					\
	__KLP_CALLBACK_PTR(pre_patch, __KLP_OBJNAME, fn)
#define KLP_POST_PATCH_CALLBACK(fn)					\
	__KLP_CALLBACK_PTR(post_patch, __KLP_OBJNAME, fn)
#define KLP_PRE_UNPATCH_CALLBACK(fn)					\
	__KLP_CALLBACK_PTR(pre_unpatch, __KLP_OBJNAME, fn)
#define KLP_POST_UNPATCH_CALLBACK(fn)					\
	__KLP_CALLBACK_PTR(post_unpatch, __KLP_OBJNAME, fn)

#endif /* _LINUX_LIVEPATCH_HELPERS_H */
