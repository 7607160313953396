/* gcc accepts nested functions, clang does not: the analysis fails, the
 * build must not. */
#include <linux/livepatch.h>

int outer(void *obj)
{
	int inner(void) { return klp_shadow_get(obj, 3) != 0; }
	return inner();
}
// SPDX-License-Identifier: GPL-2.0-only
