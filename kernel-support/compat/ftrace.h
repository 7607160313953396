/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The part of <linux/ftrace.h> the livepatch core uses.
 *
 * ftrace_ops with one filtered address each, an IPMODIFY handler that may
 * change where the traced call goes, and the registration calls.  Nothing
 * rewrites machine code: a call reaches the handlers either through the
 * __fentry__ hook of code built with -pg -mfentry (compat/fentry.c), or
 * when the runner asks what a call of a function would run
 * (klp_sim_ftrace_call()).
 */
#ifndef _KLP_COMPAT_FTRACE_H
#define _KLP_COMPAT_FTRACE_H

#include <linux/list.h>
#include <linux/types.h>

struct ftrace_ops;
struct task_struct;

/**
 * struct ftrace_regs - the registers a handler sees
 * @ip:		where the traced call continues; the handler of an
 *		FTRACE_OPS_FL_IPMODIFY ops may change it
 */
struct ftrace_regs {
	unsigned long ip;
};

typedef void (*ftrace_func_t)(unsigned long ip, unsigned long parent_ip,
			      struct ftrace_ops *op, struct ftrace_regs *fregs);

#define FTRACE_OPS_FL_DYNAMIC		(1UL << 1)
#define FTRACE_OPS_FL_SAVE_REGS		(1UL << 2)
#define FTRACE_OPS_FL_IPMODIFY		(1UL << 10)
#define FTRACE_OPS_FL_PERMANENT		(1UL << 16)

#define KLP_FTRACE_MAX_FILTER	4

/**
 * struct ftrace_ops - a tracer of some functions
 * @func:	the handler, called on every traced call of a filtered address
 * @flags:	FTRACE_OPS_FL_*
 * @node:	link in the list of registered ops (model)
 * @filter:	the filtered addresses (model)
 * @nr_filter:	how many
 */
struct ftrace_ops {
	ftrace_func_t func;
	unsigned long flags;
	struct list_head node;
	unsigned long filter[KLP_FTRACE_MAX_FILTER];
	unsigned int nr_filter;
};

static inline void ftrace_regs_set_instruction_pointer(struct ftrace_regs *fregs,
						       unsigned long ip)
{
	fregs->ip = ip;
}

/* The traceable address of the function at @ip, or 0 if it has none. */
unsigned long ftrace_location(unsigned long ip);

int ftrace_set_filter_ip(struct ftrace_ops *ops, unsigned long ip, int remove,
			 int reset);
int register_ftrace_function(struct ftrace_ops *ops);
int unregister_ftrace_function(struct ftrace_ops *ops);

/*
 * klp_sim_set_notrace() - make ftrace refuse @addr (model only)
 * @addr:	a function's address
 * @err:	the negative errno that registering a handler for it returns
 *
 * A function the kernel cannot trace cannot be patched.  Scenarios use
 * this to reach the core's error paths.
 */
void klp_sim_set_notrace(void *addr, int err);

/*
 * klp_sim_ftrace_call() - where a call of @ip goes for @task
 *
 * Runs the handlers registered for @ip with @task as current, as the
 * ftrace trampoline would on a call, and returns the address the call
 * continues at: @ip itself unless a handler redirected it.
 */
unsigned long klp_sim_ftrace_call(struct task_struct *task, unsigned long ip);

#endif /* _KLP_COMPAT_FTRACE_H */
