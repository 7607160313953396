/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Redirection of calls: which implementation of a patched function runs.
 */
#ifndef _LIVEPATCH_PATCH_H
#define _LIVEPATCH_PATCH_H

#include <linux/livepatch.h>
#include <linux/list.h>

#include "compat/ftrace.h"

/**
 * struct klp_ops - the redirection of one original function
 * @node:	link in the list of all klp_ops
 * @func_stack:	the klp_func entries for this function, newest first; the
 *		first one is the implementation in effect
 * @fops:	the ftrace_ops whose handler redirects the calls
 * @old_func:	the original function's address, the key
 */
struct klp_ops {
	struct list_head node;
	struct list_head func_stack;
	struct ftrace_ops fops;
	void *old_func;
};

struct klp_ops *klp_find_ops(void *old_func);

int klp_patch_object(struct klp_object *obj);
void klp_unpatch_object(struct klp_object *obj);
void klp_unpatch_objects(struct klp_patch *patch);
void klp_unpatch_objects_dynamic(struct klp_patch *patch);

#endif /* _LIVEPATCH_PATCH_H */
