/*
 * Queries of the live shadow variables, for the runner and its leak
 * report.  The kernel has no such interface; §5.7 of
 * livepatch-semantics.md asks the model for one.
 */
#ifndef _LIVEPATCH_SHADOW_H
#define _LIVEPATCH_SHADOW_H

#include <linux/types.h>

/*
 * Live variables with @id (or any id if @any_id), attached to the object
 * that klp_sim_describe() named @obj_desc (or to any object if NULL).
 */
unsigned int klp_shadow_count(unsigned long id, bool any_id,
			      const char *obj_desc);

/*
 * One line per live variable, "<prefix>shadow(<obj>,<id>) allocated by
 * <module>", oldest first; returns the count.
 */
unsigned int klp_shadow_report(const char *prefix);

#endif /* _LIVEPATCH_SHADOW_H */
