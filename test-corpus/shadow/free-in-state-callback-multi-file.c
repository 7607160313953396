// A livepatch of two translation units: the is_shadow state SV_FLOW, its
// shadow_dtor and the patch in livepatch.c, the state's post_unpatch in
// teardown.c, where a helper only that callback calls frees the state's
// variables without a destructor (docs/semantics.md#rule-shadow-free-in-state-callback
// has module scope: the state of one file, the free of another, joined over
// the module's call graph), in either order of the files. teardown.c alone
// has no state and is no livepatch: nothing is reported.
// RUN: %klp-lint --checks=-*,shadow-free-in-state-callback %S/Inputs/free-in-state-callback-multi-file/livepatch.c %S/Inputs/free-in-state-callback-multi-file/teardown.c -- %api-c 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:
// RUN: %klp-lint --checks=-*,shadow-free-in-state-callback %S/Inputs/free-in-state-callback-multi-file/teardown.c %S/Inputs/free-in-state-callback-multi-file/livepatch.c -- %api-c 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:
// RUN: %klp-lint --checks=-*,shadow-free-in-state-callback %S/Inputs/free-in-state-callback-multi-file/teardown.c -- %api-c 2>&1 | count 0
// CHECK: teardown.c:8:2: warning: shadow variables of is_shadow state 'SV_FLOW' (320) are freed by hand by klp_shadow_free_all() in code only its post_unpatch callback 'flow_teardown' reaches (call chain: 'flow_teardown' -> 'forget_flows'); the core frees them itself right after post_unpatch, with the state's shadow_dtor: the core's free then finds nothing, so the state's shadow_dtor 'flow_dtor' never runs for them (this call passes no destructor)
// CHECK: livepatch.c:23:2: note: state 'SV_FLOW' (320) is declared here with is_shadow

// PROOF: call open_flow(&klp_sim_knobs)
// SPDX-License-Identifier: GPL-2.0-only
