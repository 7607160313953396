/* The module's own header for klp-build-states-single.c. */
#include <linux/livepatch.h>
#include <linux/livepatch_helpers.h>
/* SPDX-License-Identifier: GPL-2.0-only */
