// A livepatch module of two translation units: the patch and the shadow-
// variable calls are in livepatch.c, the is_shadow states that own their
// ids in states.c. docs/semantics.md#rule-shadow-id-without-state has module scope (docs/semantics.md#rule-conventions:
// files on one command line form one module), so the ids used in
// livepatch.c are matched against the states of states.c, and nothing is
// reported, whichever file comes first.
// RUN: %klp-lint %S/Inputs/id-without-state-multi-file/livepatch.c %S/Inputs/id-without-state-multi-file/states.c -- %api-c 2>&1 | count 0
// RUN: %klp-lint %S/Inputs/id-without-state-multi-file/states.c %S/Inputs/id-without-state-multi-file/livepatch.c -- %api-c 2>&1 | count 0
// livepatch.c alone is a livepatch whose ids have no state: the same calls
// are reported then, which shows that the files really were joined above.
// RUN: %klp-lint %S/Inputs/id-without-state-multi-file/livepatch.c -- %api-c 2>&1 | FileCheck %s --check-prefix=ALONE --implicit-check-not=warning:
// ALONE: {{.*}}livepatch.c:12:16: warning: shadow variable id 'SV_CONN_STATS' (1281) used by klp_shadow_get_or_alloc() matches no state of this livepatch
// ALONE: {{.*}}livepatch.c:14:7: warning: shadow variable id 'SV_CONN_FLAGS' (1282) used by klp_shadow_get() matches no state of this livepatch
// ALONE: {{.*}}livepatch.c:15:3: warning: shadow variable id 'SV_CONN_FLAGS' (1282) used by klp_shadow_alloc() matches no state of this livepatch

// Proof of findings (kernel-support/tests/proof/run-proof.py) builds both
// files as one module and runs the patched code after each enable:
// PROOF: call patched_conn_open(&klp_sim_knobs)
// SPDX-License-Identifier: GPL-2.0-only
