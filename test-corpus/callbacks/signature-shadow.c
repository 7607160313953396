// callbacks-signature: shadow constructors and destructors. A destructor
// passed as klp_shadow_alloc()'s constructor leaves printk()'s length as
// the constructor's result, so every allocation fails ("Failed to construct
// shadow variable"). A destructor whose second parameter is a struct
// pointer instead of void * reads the same memory, but its type is not
// klp_shadow_dtor_t: kCFI stops the indirect call in a kernel built with
// CONFIG_CFI_CLANG, which the reference core does not model. The state's
// own destructor is right and stays silent; so does a cast to the slot's
// own type.
// RUN: %klp-lint --checks=-*,callbacks-signature %s -- %api-c -Xclang -verify=klp 2>&1 | FileCheck %s --check-prefix=EXIT --implicit-check-not=-verify
// EXIT: {{^}}0 warnings, 2 errors in 1 file

#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_COUNTER 30

struct counter {
	int hits;
};

extern int klp_sim_knobs[];

static void counter_dtor(void *obj, void *shadow_data) // klp-note {{'counter_dtor' is declared here}}
{
	pr_info("%s\n", __func__);
}

static void counter_typed_dtor(void *obj, struct counter *c) // klp-note {{'counter_typed_dtor' is declared here}}
{
	c->hits = 0;
}

static void good_dtor(void *obj, void *shadow_data)
{
}

void livepatch_count(void *obj)
{
	struct counter *c;

	c = klp_shadow_get_or_alloc(obj, SV_COUNTER, sizeof(*c), GFP_KERNEL,
				    (klp_shadow_ctor_t)counter_dtor, NULL); // klp-error {{'counter_dtor' of type 'void (void *, void *)' is passed as the constructor of klp_shadow_get_or_alloc(), which the core calls as 'int (void *, void *, void *)'; the cast to 'klp_shadow_ctor_t' keeps the compiler from saying so: the core takes whatever the function leaves in the return register as its result}}
	if (c)
		c->hits++;
}

void livepatch_uncount(void *obj)
{
	klp_shadow_free(obj, SV_COUNTER, (klp_shadow_dtor_t)counter_typed_dtor); // klp-error {{'counter_typed_dtor' of type 'void (void *, struct counter *)' is passed as the destructor of klp_shadow_free(), which the core calls as 'void (void *, void *)'; the cast to 'klp_shadow_dtor_t' keeps the compiler from saying so: the function reads the arguments the core passes as other types}}
	klp_shadow_free_all(SV_COUNTER, (klp_shadow_dtor_t)good_dtor);
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };

static struct klp_state states[] = {
	{ .id = SV_COUNTER, .is_shadow = true, .callbacks = { .shadow_dtor = good_dtor } },
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// The patched code's allocation, run after each enable by the proof battery:
// PROOF: call livepatch_count(&klp_sim_knobs)
// PROOF: unshown destructor: the battery never frees by hand, and a destructor whose pointer parameter differs runs the same in a core without kCFI
// SPDX-License-Identifier: GPL-2.0-only
