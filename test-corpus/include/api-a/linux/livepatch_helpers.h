/*
 * Live patching API, generation A (upstream, Linux 6.19): klp-build's
 * callback macros.  Clean-room mock header for the klp-lint test corpus,
 * written from livepatch-semantics.md section 1.1.
 *
 * Each macro records a pointer to the callback in a discarded section;
 * objtool's "klp diff" copies it into klp_object_ext.callbacks of the object
 * the translation unit belongs to: the module named by __KBUILD_MODNAME, or
 * vmlinux for built-in code.
 */
#ifndef _LINUX_LIVEPATCH_HELPERS_H
#define _LINUX_LIVEPATCH_HELPERS_H

#include <linux/compiler.h>
#include <linux/livepatch_external.h>

#ifdef __KBUILD_MODNAME
#define __KLP_OBJNAME	__KBUILD_MODNAME
#else
#define __KLP_OBJNAME	vmlinux
#endif

/* Two levels, so that __KLP_OBJNAME is expanded before pasting. */
#define ___KLP_CALLBACK_PTR(type, obj, fn)				\
	static klp_##type##_t __klp_##type##_callback_##obj		\
	__used __section(".discard.klp_callback_ptrs") = (fn)
#define __KLP_CALLBACK_PTR(type, obj, fn)				\
	___KLP_CALLBACK_PTR(type, obj, fn)

#define KLP_PRE_PATCH_CALLBACK(fn)					\
	__KLP_CALLBACK_PTR(pre_patch, __KLP_OBJNAME, fn)
#define KLP_POST_PATCH_CALLBACK(fn)					\
	__KLP_CALLBACK_PTR(post_patch, __KLP_OBJNAME, fn)
#define KLP_PRE_UNPATCH_CALLBACK(fn)					\
	__KLP_CALLBACK_PTR(pre_unpatch, __KLP_OBJNAME, fn)
#define KLP_POST_UNPATCH_CALLBACK(fn)					\
	__KLP_CALLBACK_PTR(post_unpatch, __KLP_OBJNAME, fn)

#endif /* _LINUX_LIVEPATCH_HELPERS_H */
