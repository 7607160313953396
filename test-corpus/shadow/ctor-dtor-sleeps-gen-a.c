// Generation A (upstream): the livepatch frees its variables itself, from
// module exit, with klp_shadow_free_all() and a destructor. vbuf_dtor
// frees a vmalloc() buffer with vfree(), which may sleep: under
// klp_shadow_lock that is a bug under A's core as under C's (docs/semantics.md#rules-shadow
// shadow-ctor-dtor-sleeps applies to A, B and C).
// Proof of findings: klp-sim-a runs the exit at "unload P", and the
// reference core reports the sleeping call inside vbuf_dtor.
// RUN: %klp-lint --checks=-*,shadow-ctor-dtor-sleeps %s -- %api-a -Xclang -verify=klp
// PROOF: call attach_vbuf(&klp_sim_knobs)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/vmalloc.h>

#define SV_VBUF 0xb0

static void vbuf_dtor(void *obj, void *shadow_data)
{
	vfree(*(void **)shadow_data); // klp-error {{shadow destructor 'vbuf_dtor' may sleep: it calls vfree()}}
}

static int attach_vbuf(void *obj)
{
	void **slot = klp_shadow_alloc(obj, SV_VBUF, sizeof(void *), GFP_ATOMIC, NULL, NULL);

	if (!slot)
		return -ENOMEM;
	*slot = NULL;
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "attach_vbuf", .new_func = attach_vbuf }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static int __init vbuf_init(void)
{
	return klp_enable_patch(&patch);
}

static void __exit vbuf_exit(void)
{
	klp_shadow_free_all(SV_VBUF, vbuf_dtor); // klp-note {{'vbuf_dtor' is passed as the destructor to klp_shadow_free_all() here}}
}

module_init(vbuf_init);
module_exit(vbuf_exit);
// SPDX-License-Identifier: GPL-2.0-only
