// A livepatch of two translation units (docs/semantics.md#rules-shadow
// shadow-module-object-lifetime has module scope): patch.c declares the
// object of module t, t_obj.c defines its replacement, whose helper
// allocates; in either order of the files. t_obj.c alone is no livepatch.
// RUN: %klp-lint --checks=-*,shadow-module-object-lifetime %S/Inputs/module-object-lifetime-multi-file/patch.c %S/Inputs/module-object-lifetime-multi-file/t_obj.c -- %api-c 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:
// RUN: %klp-lint --checks=-*,shadow-module-object-lifetime %S/Inputs/module-object-lifetime-multi-file/t_obj.c %S/Inputs/module-object-lifetime-multi-file/patch.c -- %api-c 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:
// RUN: %klp-lint --checks=-*,shadow-module-object-lifetime %S/Inputs/module-object-lifetime-multi-file/t_obj.c -- %api-c 2>&1 | count 0
// CHECK: t_obj.c:9:9: warning: shadow variable id 'SV_TOBJ' (384) allocated by klp_shadow_get_or_alloc() in 'livepatch_t_obj_func', the replacement of a function of module 't' (call chain: 'livepatch_t_obj_func' -> 'remember')
// CHECK: patch.c:14:37: note: object 't' is declared here

// PROOF: target t.so as t
// PROOF: call t:t_obj_func(*t:t_obj)
// SPDX-License-Identifier: GPL-2.0-only
