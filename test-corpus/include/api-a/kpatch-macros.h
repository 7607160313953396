/*
 * kpatch's per-object callback macros (kmod/patch/kpatch-macros.h), for
 * generation A.  Clean-room mock header for the klp-lint test corpus,
 * written from docs/semantics.md#generation-a.
 *
 * Each macro records the callback in a fixed-name static structure in a
 * dedicated section; create-diff-object later fills in the object name and
 * turns the records into klp_object callbacks.  Because the names are fixed,
 * a translation unit can have at most one callback of each kind.
 */
#ifndef __KPATCH_MACROS_H_
#define __KPATCH_MACROS_H_

#include <linux/compiler.h>
#include <linux/livepatch.h>

/* kpatch's name for the object a callback is called for. */
typedef struct klp_object patch_object;

struct kpatch_pre_patch_callback {
	int (*fn)(patch_object *obj);
	char *objname;	/* filled in by create-diff-object */
};

struct kpatch_post_patch_callback {
	void (*fn)(patch_object *obj);
	char *objname;
};

struct kpatch_pre_unpatch_callback {
	void (*fn)(patch_object *obj);
	char *objname;
};

struct kpatch_post_unpatch_callback {
	void (*fn)(patch_object *obj);
	char *objname;
};

/* The __*test() helpers only make the compiler check @fn's prototype. */
#define KPATCH_PRE_PATCH_CALLBACK(_fn)					\
	static inline __maybe_unused int __pre_patchtest(patch_object *obj) \
	{ return _fn(obj); }						\
	static struct kpatch_pre_patch_callback kpatch_pre_patch_data	\
	__used __section(".kpatch.callbacks.pre_patch") = {		\
		.fn = _fn,						\
		.objname = NULL,					\
	}

#define KPATCH_POST_PATCH_CALLBACK(_fn)					\
	static inline __maybe_unused void __post_patchtest(patch_object *obj) \
	{ _fn(obj); }							\
	static struct kpatch_post_patch_callback kpatch_post_patch_data	\
	__used __section(".kpatch.callbacks.post_patch") = {		\
		.fn = _fn,						\
		.objname = NULL,					\
	}

#define KPATCH_PRE_UNPATCH_CALLBACK(_fn)				\
	static inline __maybe_unused void __pre_unpatchtest(patch_object *obj) \
	{ _fn(obj); }							\
	static struct kpatch_pre_unpatch_callback kpatch_pre_unpatch_data \
	__used __section(".kpatch.callbacks.pre_unpatch") = {		\
		.fn = _fn,						\
		.objname = NULL,					\
	}

#define KPATCH_POST_UNPATCH_CALLBACK(_fn)				\
	static inline __maybe_unused void __post_unpatchtest(patch_object *obj) \
	{ _fn(obj); }							\
	static struct kpatch_post_unpatch_callback kpatch_post_unpatch_data \
	__used __section(".kpatch.callbacks.post_unpatch") = {		\
		.fn = _fn,						\
		.objname = NULL,					\
	}

#endif /* __KPATCH_MACROS_H_ */
/* SPDX-License-Identifier: GPL-2.0-only */
