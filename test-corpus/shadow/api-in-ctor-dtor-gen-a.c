// Generation A (upstream): no state frees shadow variables, so the
// livepatch frees them itself, here in the vmlinux object's post_unpatch
// with klp_shadow_free_all() and a destructor. The destructor frees the
// object's second variable with klp_shadow_free(): under klp_shadow_lock,
// which klp_shadow_free_all() holds while it runs the destructor (spec
// docs/semantics.md#rule-shadow-api-in-ctor-dtor applies to A, B and C alike).
// Proof of findings: klp-sim-a runs post_unpatch at the disable and reports
// the recursive locking inside buf_dtor.
// RUN: %klp-lint --checks=-*,shadow-api-in-ctor-dtor %s -- %api-a -Xclang -verify=klp
// PROOF: call attach_buf(&klp_sim_knobs)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_BUF 0x50
#define SV_BUF_LEN 0x51

static void buf_dtor(void *obj, void *shadow_data)
{
	klp_shadow_free(obj, SV_BUF_LEN, NULL); // klp-error {{shadow destructor 'buf_dtor' calls klp_shadow_free(), which takes klp_shadow_lock}}
}

static int attach_buf(void *obj)
{
	klp_shadow_alloc(obj, SV_BUF_LEN, 8, GFP_ATOMIC, NULL, NULL);
	return klp_shadow_alloc(obj, SV_BUF, 8, GFP_ATOMIC, NULL, NULL) ? 0 : -ENOMEM;
}

static void buf_post_unpatch(struct klp_object *obj)
{
	klp_shadow_free_all(SV_BUF, buf_dtor); // klp-note {{'buf_dtor' is passed as the destructor to klp_shadow_free_all() here}}
	klp_shadow_free_all(SV_BUF_LEN, NULL);
}

static struct klp_func funcs[] = { { .old_name = "attach_buf", .new_func = attach_buf }, {} };
static struct klp_object objs[] = {
	{ .funcs = funcs, .callbacks = { .post_unpatch = buf_post_unpatch } },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};
// SPDX-License-Identifier: GPL-2.0-only
