/* struct klp_state as after poc-1 (see ../../layouts.h). */
#ifndef _LINUX_LIVEPATCH_H
#define _LINUX_LIVEPATCH_H
#define KLP_LAYOUT_POC_1
#include "../../layouts.h"
#endif
/* SPDX-License-Identifier: GPL-2.0-only */
