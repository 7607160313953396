// callbacks-reenter-core across the files of one module: the state and its
// pre_unpatch are in livepatch.c, the helper that enables the fallback
// patch in fallback.c. The call graph of the module joins them, whatever
// the order of the files; either file alone shows nothing.
// RUN: not %klp-lint --checks=-*,callbacks-reenter-core %S/Inputs/reenter-core-multi-file/livepatch.c %S/Inputs/reenter-core-multi-file/fallback.c -- %api-c 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=note:
// RUN: not %klp-lint --checks=-*,callbacks-reenter-core %S/Inputs/reenter-core-multi-file/fallback.c %S/Inputs/reenter-core-multi-file/livepatch.c -- %api-c 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=note:
// RUN: %klp-lint --checks=-*,callbacks-reenter-core %S/Inputs/reenter-core-multi-file/livepatch.c -- %api-c 2>&1 | count 0
// RUN: %klp-lint --checks=-*,callbacks-reenter-core %S/Inputs/reenter-core-multi-file/fallback.c -- %api-c 2>&1 | count 0

// CHECK: {{.*}}multi-file/fallback.c:26:8: error: klp_enable_patch() is called from the pre_unpatch callback 'guard_pre_unpatch' of state 'GUARD_STATE' (70) (in 'enable_fallback'); the core runs that callback with klp_mutex held and klp_enable_patch() takes klp_mutex again: the kernel deadlocks [callbacks-reenter-core]
// CHECK: {{.*}}multi-file/livepatch.c:{{[0-9]+}}:13: note: 'guard_pre_unpatch' reaches 'enable_fallback'
// SPDX-License-Identifier: GPL-2.0-only
