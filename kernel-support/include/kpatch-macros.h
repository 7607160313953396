/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * kpatch's source-patch macros (kmod/patch/kpatch-macros.h in kpatch),
 * clean-room, written from docs/semantics.md#generation-a ("Callback
 * macros", kpatch) and kpatch's documented macro names; not from kpatch's
 * sources.
 *
 * kpatch-build puts its own copy on the include path of the files it
 * builds. klp-lint embeds this one as a fallback searched last (--patch, and
 * the embedded default headers), so that a source patch that includes
 * "kpatch-macros.h" parses against a kernel tree without kpatch installed.
 * It works on top of a kernel's headers (generation A, where struct
 * klp_object has per-object callbacks) and on top of kernel-support's
 * generation C headers.
 *
 * KPATCH_{PRE,POST}_{PATCH,UNPATCH}_CALLBACK(fn) record fn in a static
 * structure with a fixed name in section .kpatch.callbacks.<role>;
 * create-diff-object fills in the object name and turns the records into
 * the callbacks of that struct klp_object. The fixed names allow one
 * callback of each kind per translation unit. A pre_patch callback returns
 * int; the others return void; all take the object.
 */
#ifndef __KPATCH_MACROS_H_
#define __KPATCH_MACROS_H_

#include <linux/compiler.h>
#include <linux/jiffies.h>
#include <linux/livepatch.h>

/* kpatch's name for the object a callback is called for. */
typedef struct klp_object patch_object;

typedef int (*kpatch_pre_patch_call_t)(patch_object *obj);
typedef void (*kpatch_post_patch_call_t)(patch_object *obj);
typedef void (*kpatch_pre_unpatch_call_t)(patch_object *obj);
typedef void (*kpatch_post_unpatch_call_t)(patch_object *obj);

/* One record per registered callback; objname is create-diff-object's. */
#define __KPATCH_CALLBACK_RECORD(role, type)				\
	struct kpatch_##role##_callback {				\
		type fn;						\
		char *objname;						\
	}

__KPATCH_CALLBACK_RECORD(pre_patch, kpatch_pre_patch_call_t);
__KPATCH_CALLBACK_RECORD(post_patch, kpatch_post_patch_call_t);
__KPATCH_CALLBACK_RECORD(pre_unpatch, kpatch_pre_unpatch_call_t);
__KPATCH_CALLBACK_RECORD(post_unpatch, kpatch_post_unpatch_call_t);

/*
 * The static inline helper only makes the compiler check fn's type: a
 * mismatch is a build error here, not a crash in the running kernel.
 */
#define __KPATCH_CALLBACK(role, _fn)					\
	static inline __maybe_unused kpatch_##role##_call_t		\
	__##role##test(void) { return _fn; }				\
	static struct kpatch_##role##_callback kpatch_##role##_data	\
	__used __section(".kpatch.callbacks." #role) = {		\
		.fn = _fn,						\
		.objname = NULL,					\
	}

#define KPATCH_PRE_PATCH_CALLBACK(_fn)	__KPATCH_CALLBACK(pre_patch, _fn)
#define KPATCH_POST_PATCH_CALLBACK(_fn)	__KPATCH_CALLBACK(post_patch, _fn)
#define KPATCH_PRE_UNPATCH_CALLBACK(_fn) __KPATCH_CALLBACK(pre_unpatch, _fn)
#define KPATCH_POST_UNPATCH_CALLBACK(_fn) __KPATCH_CALLBACK(post_unpatch, _fn)

/* A name of its own for every use of the marker macros below. */
#define __KPATCH_PASTE2(a, b)		a##b
#define __KPATCH_PASTE(a, b)		__KPATCH_PASTE2(a, b)
#define __KPATCH_UNIQUE(prefix)		__KPATCH_PASTE(prefix, __COUNTER__)

/*
 * Markers create-diff-object reads and drops: a section or function whose
 * change is a side effect to ignore, and a function whose patching may skip
 * the activeness safety check.
 */
#define KPATCH_IGNORE_SECTION(_sec)					\
	static char *__KPATCH_UNIQUE(__kpatch_ignore_section_) __used	\
	__section(".kpatch.ignore.sections") = (_sec)
#define KPATCH_IGNORE_FUNCTION(_fn)					\
	static void *__kpatch_ignore_func_##_fn __used			\
	__section(".kpatch.ignore.functions") = (_fn)
#define KPATCH_FORCE_UNSAFE(_fn)					\
	static void *__kpatch_force_func_##_fn __used			\
	__section(".kpatch.force") = (_fn)

/*
 * printk that does not make the surrounding code path "cold" (printk is
 * __cold, which could move patched code into .text.unlikely).
 */
#define KPATCH_PRINTK(_fmt, ...)					\
	({ if (jiffies) printk(_fmt, ##__VA_ARGS__); })

/*
 * kpatch's syscall wrappers stand for the kernel's SYSCALL_DEFINE<n> of
 * the same syscall; for analysis they are the same definition.
 */
#define KPATCH_SYSCALL_DEFINE0(name)		SYSCALL_DEFINE0(name)
#define KPATCH_SYSCALL_DEFINE1(name, ...)	SYSCALL_DEFINE1(name, __VA_ARGS__)
#define KPATCH_SYSCALL_DEFINE2(name, ...)	SYSCALL_DEFINE2(name, __VA_ARGS__)
#define KPATCH_SYSCALL_DEFINE3(name, ...)	SYSCALL_DEFINE3(name, __VA_ARGS__)
#define KPATCH_SYSCALL_DEFINE4(name, ...)	SYSCALL_DEFINE4(name, __VA_ARGS__)
#define KPATCH_SYSCALL_DEFINE5(name, ...)	SYSCALL_DEFINE5(name, __VA_ARGS__)
#define KPATCH_SYSCALL_DEFINE6(name, ...)	SYSCALL_DEFINE6(name, __VA_ARGS__)

#endif /* __KPATCH_MACROS_H_ */
