/* struct klp_state as after v1-01 (see ../../layouts.h). */
#ifndef _LINUX_LIVEPATCH_H
#define _LINUX_LIVEPATCH_H
#define KLP_LAYOUT_V1_01
#include "../../layouts.h"
#endif
/* SPDX-License-Identifier: GPL-2.0-only */
