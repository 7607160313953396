// SPDX-License-Identifier: GPL-2.0-only
/*
 * ftrace.c - registration of ftrace_ops and the dispatch of traced calls.
 *
 * A registered ops handles every call of the addresses in its filter.  The
 * dispatch, klp_sim_ftrace_call(), is what the kernel's ftrace trampoline
 * does on a call: run each handler, which may change the instruction
 * pointer, and continue wherever it points.
 */
#include <stdlib.h>

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/sched.h>

#include "compat.h"
#include "ftrace.h"

static LIST_HEAD(klp_ftrace_ops);

/* Functions whose ftrace registration fails, and how. */
struct klp_notrace {
	struct klp_notrace *next;
	unsigned long addr;
	int err;
};
static struct klp_notrace *klp_notrace_list;

void klp_sim_set_notrace(void *addr, int err)
{
	struct klp_notrace *n = calloc(1, sizeof(*n));

	if (!n)
		abort();
	n->addr = (unsigned long)addr;
	n->err = err;
	n->next = klp_notrace_list;
	klp_notrace_list = n;
}

static int notrace_error(unsigned long addr)
{
	struct klp_notrace *n;

	for (n = klp_notrace_list; n; n = n->next)
		if (n->addr == addr)
			return n->err;
	return 0;
}

/*
 * Every function the runner and the modules know is traceable at its
 * first byte (with -mfentry the call to __fentry__ is there); phantom
 * vmlinux symbols too, so that they can be patched.
 */
unsigned long ftrace_location(unsigned long ip)
{
	const char *mod, *sym;
	unsigned long off;

	if (klp_sim_is_phantom((const void *)ip))
		return ip;
	if (klp_sim_symbolize((const void *)ip, &mod, &sym, &off) && !off)
		return ip;
	return 0;
}

int ftrace_set_filter_ip(struct ftrace_ops *ops, unsigned long ip, int remove,
			 int reset)
{
	unsigned int i;

	if (reset)
		ops->nr_filter = 0;
	for (i = 0; i < ops->nr_filter; i++)
		if (ops->filter[i] == ip)
			break;
	if (remove) {
		if (i == ops->nr_filter)
			return -EINVAL;
		ops->filter[i] = ops->filter[--ops->nr_filter];
		return 0;
	}
	if (i < ops->nr_filter)
		return 0;
	if (ops->nr_filter == KLP_FTRACE_MAX_FILTER)
		return -ENOMEM;
	ops->filter[ops->nr_filter++] = ip;
	return 0;
}

int register_ftrace_function(struct ftrace_ops *ops)
{
	unsigned int i;
	int err;

	for (i = 0; i < ops->nr_filter; i++) {
		err = notrace_error(ops->filter[i]);
		if (err)
			return err;
	}
	list_add_tail(&ops->node, &klp_ftrace_ops);
	return 0;
}

int unregister_ftrace_function(struct ftrace_ops *ops)
{
	struct ftrace_ops *pos;

	list_for_each_entry(pos, &klp_ftrace_ops, node) {
		if (pos == ops) {
			list_del(&ops->node);
			return 0;
		}
	}
	return -ENODEV;
}

static bool ops_traces(struct ftrace_ops *ops, unsigned long ip)
{
	for (unsigned int i = 0; i < ops->nr_filter; i++)
		if (ops->filter[i] == ip)
			return true;
	return false;
}

unsigned long klp_sim_ftrace_call(struct task_struct *task, unsigned long ip)
{
	struct ftrace_regs fregs = { .ip = ip };
	struct task_struct *prev;
	struct ftrace_ops *ops;

	prev = klp_sim_set_current(task);
	list_for_each_entry(ops, &klp_ftrace_ops, node)
		if (ops_traces(ops, ip))
			ops->func(ip, 0, ops, &fregs);
	klp_sim_set_current(prev);
	return fregs.ip;
}

/*
 * klp_sim_ftrace_entry() - called by __fentry__ (fentry.S)
 * @ret_ip:	the return address of the call to __fentry__, inside the
 *		traced function
 * @parent_ip:	the traced function's return address
 *
 * Return: the address the call must continue at instead of the traced
 * function, or 0 to run the function itself.
 */
unsigned long klp_sim_ftrace_entry(unsigned long ret_ip,
				   unsigned long parent_ip);
unsigned long klp_sim_ftrace_entry(unsigned long ret_ip,
				   unsigned long parent_ip)
{
	/*
	 * The call to __fentry__ is 5 bytes, or 6 through the GOT in
	 * position-independent code, after a 4-byte endbr64 or not.
	 */
	static const unsigned long offsets[] = { 5, 6, 9, 10 };
	struct ftrace_regs fregs;
	struct ftrace_ops *ops;

	if (list_empty(&klp_ftrace_ops))
		return 0;
	for (unsigned int i = 0; i < ARRAY_SIZE(offsets); i++) {
		unsigned long ip = ret_ip - offsets[i];
		bool traced = false;

		fregs.ip = ip;
		list_for_each_entry(ops, &klp_ftrace_ops, node) {
			if (ops_traces(ops, ip)) {
				traced = true;
				ops->func(ip, parent_ip, ops, &fregs);
			}
		}
		if (traced)
			return fregs.ip == ip ? 0 : fregs.ip;
	}
	return 0;
}
