// SPDX-License-Identifier: GPL-2.0-only
/*
 * Stable names for addresses.
 *
 * Addresses change from run to run (ASLR, sanitizers), so the transcript
 * never shows one.  It shows what the address is: an allocation, a symbol,
 * a knob, or at least the same "ptr#<n>" every time the same unknown
 * address comes back.
 */
#include <stdint.h>
#include <string.h>

#include <linux/kernel.h>

#include "compat.h"

int klp_sim_knobs[KLP_SIM_NR_KNOBS];

#define KLP_NR_UNKNOWN	4096
static const void *klp_unknown[KLP_NR_UNKNOWN];
static unsigned int klp_nr_unknown;

static unsigned int unknown_index(const void *ptr)
{
	unsigned int i;

	for (i = 0; i < klp_nr_unknown; i++)
		if (klp_unknown[i] == ptr)
			return i + 1;
	if (klp_nr_unknown == KLP_NR_UNKNOWN)
		return 0;
	klp_unknown[klp_nr_unknown] = ptr;
	return ++klp_nr_unknown;
}

const char *klp_sim_describe(const void *ptr, char *buf, size_t size)
{
	const char *knobs = (const char *)klp_sim_knobs;
	const char *p = ptr, *modname, *symname, *label;
	unsigned long offset;

	if (!ptr) {
		snprintf(buf, size, "NULL");
	} else if (p >= knobs && p < knobs + sizeof(klp_sim_knobs)) {
		size_t off = p - knobs;

		if (off % sizeof(int))
			snprintf(buf, size, "knob[%zu]+%zu", off / sizeof(int),
				 off % sizeof(int));
		else
			snprintf(buf, size, "knob[%zu]", off / sizeof(int));
	} else if ((label = klp_sim_mm_label(ptr, &offset))) {
		if (offset)
			snprintf(buf, size, "%s+%lu", label, offset);
		else
			snprintf(buf, size, "%s", label);
	} else if (klp_sim_symbolize(ptr, &modname, &symname, &offset)) {
		if (offset)
			snprintf(buf, size, "%s:%s+0x%lx", modname, symname,
				 offset);
		else
			snprintf(buf, size, "%s:%s", modname, symname);
	} else if ((uintptr_t)ptr < 4096) {
		/* Small values are offsets from NULL, not addresses. */
		snprintf(buf, size, "0x%lx", (unsigned long)(uintptr_t)ptr);
	} else {
		snprintf(buf, size, "ptr#%u", unknown_index(ptr));
	}
	return buf;
}
