// callbacks-module-local-init across the files of one module: the variable
// is defined in fix.c, whose replacement function reads it; the state and
// its post_patch that sets it are in livepatch.c. The module's call graph
// and variables join the files, in either order; livepatch.c alone does
// not define the variable, and fix.c alone has no state.
// RUN: %klp-lint --checks=-*,callbacks-module-local-init %S/Inputs/module-local-init-multi-file/livepatch.c %S/Inputs/module-local-init-multi-file/fix.c -- %api-c 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:
// RUN: %klp-lint --checks=-*,callbacks-module-local-init %S/Inputs/module-local-init-multi-file/fix.c %S/Inputs/module-local-init-multi-file/livepatch.c -- %api-c 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:
// RUN: %klp-lint --checks=-*,callbacks-module-local-init %S/Inputs/module-local-init-multi-file/livepatch.c -- %api-c 2>&1 | count 0
// RUN: %klp-lint --checks=-*,callbacks-module-local-init %S/Inputs/module-local-init-multi-file/fix.c -- %api-c 2>&1 | count 0

// CHECK: {{.*}}multi-file/livepatch.c:13:2: warning: the post_patch callback 'mode_post_patch' of state 'MODE_STATE' (92) sets 'fix_mode', which 'livepatch_cmdline_proc_show' reads; when a later patch takes the state over, the core runs neither its pre_patch nor its post_patch, so that patch's 'fix_mode' keeps its initial value while its code reads it: set it in module init [callbacks-module-local-init]
// CHECK: {{.*}}multi-file/fix.c:{{[0-9]+}}:{{[0-9]+}}: note: 'livepatch_cmdline_proc_show' reads 'fix_mode' here

// PROOF: show fix_mode in /proc/cmdline
// SPDX-License-Identifier: GPL-2.0-only
