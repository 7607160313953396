/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * klp-sim's bookkeeping: what the runner remembers about the core's
 * events (compat/trace.h) for its transcripts, queries and leak report.
 * The kernel has none of this; docs/semantics.md#observables asks
 * the model for it.
 */
#ifndef _KLP_SIM_BOOKKEEPING_H
#define _KLP_SIM_BOOKKEEPING_H

#include <linux/types.h>

/*
 * The state ledger: which ids had a pre_patch or post_patch run and no
 * teardown since.  Prints "leak: state ..." for an id that is set up while
 * no patch on the list holds it any more, and "broken: state ..." for an
 * enabled patch whose state was torn down.  Returns the number of lines.
 */
unsigned int klp_states_report_leaks(void);

/*
 * The object ledger (generation A): prints "leak: object ..." for an
 * object whose per-object callbacks set something up while no patch on
 * the list has an object of that name any more.  Returns the number of
 * lines.
 */
unsigned int klp_objects_report_leaks(void);

/*
 * Live shadow variables with @id (or any id if @any_id), attached to the
 * object that klp_sim_describe() named @obj_desc (or to any object if
 * NULL).
 */
unsigned int klp_shadow_count(unsigned long id, bool any_id,
			      const char *obj_desc);

/*
 * One line per live variable, "<prefix>shadow(<obj>,<id>) allocated by
 * <module>", oldest first; returns the count.
 */
unsigned int klp_shadow_report(const char *prefix);

/*
 * One line per state shadow_dtor that never ran because the state's
 * variables were freed before the core's free of them, "never called:
 * shadow_dtor <fn> of state <id> of '<P>' (...)"; returns the count.
 */
unsigned int klp_shadow_report_unrun_dtors(void);

#endif /* _KLP_SIM_BOOKKEEPING_H */
