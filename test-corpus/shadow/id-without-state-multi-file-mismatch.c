// A livepatch module of two translation units where the ids do not match
// across the files: livepatch.c declares SV_SOCK_STATS with is_shadow and
// SV_SOCK_MARK without it; sock.c uses both and also SV_SOCK_QUEUE, which
// has no state. docs/semantics.md#rule-shadow-id-without-state (module scope): variant (b)
// for SV_SOCK_MARK, with the state note in livepatch.c, and variant (a) for
// SV_SOCK_QUEUE, with the states-array note in livepatch.c; the id notes are
// in the shared header. The order of the files on the command line does not
// change the findings.
// RUN: %klp-lint %S/Inputs/id-without-state-multi-file-mismatch/livepatch.c %S/Inputs/id-without-state-multi-file-mismatch/sock.c -- %api-c 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:
// RUN: %klp-lint %S/Inputs/id-without-state-multi-file-mismatch/sock.c %S/Inputs/id-without-state-multi-file-mismatch/livepatch.c -- %api-c 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

// CHECK: {{.*}}mismatch/sock.c:11:2: warning: shadow variable id 'SV_SOCK_MARK' (1538) used by klp_shadow_get_or_alloc() matches a state without is_shadow; these shadow variables are never freed when the state is removed [shadow-id-without-state]
// CHECK: {{.*}}mismatch/livepatch.c:17:2: note: state 'SV_SOCK_MARK' (1538) is declared here; set .is_shadow = true
// CHECK: {{.*}}mismatch/ids.h:6:9: note: id 'SV_SOCK_MARK' is defined here
// CHECK: {{.*}}mismatch/sock.c:12:2: warning: shadow variable id 'SV_SOCK_QUEUE' (1539) used by klp_shadow_alloc() matches no state of this livepatch; these shadow variables are never freed when the patch is disabled or replaced [shadow-id-without-state]
// CHECK: {{.*}}mismatch/livepatch.c:15:25: note: the livepatch's states are declared in 'states'
// CHECK: {{.*}}mismatch/ids.h:7:9: note: id 'SV_SOCK_QUEUE' is defined here

// Proof of findings (kernel-support/tests/proof/run-proof.py) builds both
// files as one module and runs the patched code after each enable:
// PROOF: call patched_sock_open(&klp_sim_knobs)
// SPDX-License-Identifier: GPL-2.0-only
