// Source of a kpatch-build livepatch: it includes kpatch-macros.h and
// defines no struct klp_patch, because kpatch-build writes the patch itself,
// without states (docs/semantics.md#rules-generation-a). Unlike
// a helper module without a klp_patch (id-without-state-no-patch.c), such a
// module is a livepatch without states: the state array this file declares
// does not count, since the generated patch never refers to it. Judged by
// generation A's semantics (docs/semantics.md#rules-generation-a), an id
// that no KPATCH_*_UNPATCH_CALLBACK, module exit or module notifier frees
// leaks on disable. (The bare id 0 of kpatch's shadow-newpid style could not
// have a state anyway.) The proof of findings builds it with the struct
// klp_patch kpatch-build would write (a vmlinux object, no states, no
// unpatch callback) and runs it in klp-sim-a: after the disable both
// variables patched_fork allocated are still live.
// RUN: %klp-lint %s -- %api-a -Xclang -verify=klp

#include <kpatch-macros.h>
#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_COUNTED 0x40 // klp-note {{id 'SV_COUNTED' is defined here}}

// PROOF: call patched_fork(1)
int patched_fork(void *task)
{
	int *newpid = klp_shadow_get_or_alloc(task, 0, sizeof(*newpid), GFP_KERNEL, NULL, NULL); // klp-warning {{shadow variable id 0 allocated by klp_shadow_get_or_alloc() is never freed when the patch is disabled: no klp_shadow_free() or klp_shadow_free_all() of this id is reached from a per-object pre_unpatch or post_unpatch callback, module exit or a module notifier}}
	// klp-note@-1 {{shadow variable id 0 of klp_shadow_get_or_alloc() is a bare number: name it with a macro or an enumerator that the state and every shadow call of this id use; two features that pick the same number share each other's shadow variables, and an is_shadow state with that id frees them all; id 0 can never be a state's id (0 ends states[]) [shadow-id-literal]}}

	klp_shadow_alloc(task, SV_COUNTED, 8, GFP_KERNEL, NULL, NULL); // klp-warning {{shadow variable id 'SV_COUNTED' (64) allocated by klp_shadow_alloc() is never freed when the patch is disabled}}
	return newpid ? *newpid : 0;
}

struct klp_state unused_states[] = {
	{ .id = SV_COUNTED, .version = 1 },
	{}
};
// SPDX-License-Identifier: GPL-2.0-only
