// Look-alikes of shadow-module-object-lifetime that must stay silent:
// - the vmlinux object (name NULL) lives as long as the kernel: its
//   replacement functions may attach shadow variables;
// - fake_object has members name and funcs like klp_object, but is none:
//   the function its table lists is no replacement of a module's function;
// - the module object's replacement only reads (klp_shadow_get) what the
//   vmlinux code attached, and allocates nothing;
// - register_module_notifier() named in a comment would not count, and is
//   not needed here.
// RUN: %klp-lint --checks=-*,shadow-module-object-lifetime %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics
// PROOF: target t.so as t
// PROOF: call t:t_obj_func(*t:t_obj)
// PROOF: call patched_core(&klp_sim_knobs)

#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>

#define SV_CORE 0x172

struct fake_func {
	const char *old_name;
	void *new_func;
};

struct fake_object {
	const char *name;
	struct fake_func *funcs;
};

static int fake_alloc(void *obj)
{
	return klp_shadow_alloc(obj, SV_CORE, 8, GFP_ATOMIC, NULL, NULL) ? 0 : -ENOMEM;
}

static struct fake_func fake_funcs[] = { { "t_obj_func", fake_alloc }, {} };
static struct fake_object fake_obj __used = { .name = "t", .funcs = fake_funcs };

static int patched_core(void *obj)
{
	return klp_shadow_get_or_alloc(obj, SV_CORE, 8, GFP_ATOMIC, NULL, NULL) ? 0 : -ENOMEM;
}

static int livepatch_t_obj_func(void *obj)
{
	return klp_shadow_get(obj, SV_CORE) ? 1 : 0;
}

static struct klp_func core_funcs[] = { { .old_name = "patched_core", .new_func = patched_core }, {} };
static struct klp_func t_funcs[] = { { .old_name = "t_obj_func", .new_func = livepatch_t_obj_func }, {} };

static struct klp_object objs[] = {
	{ .name = NULL, .funcs = core_funcs },
	{ .name = "t", .funcs = t_funcs },
	{}
};

static struct klp_state states[] = {
	{ .id = SV_CORE, .is_shadow = true },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
