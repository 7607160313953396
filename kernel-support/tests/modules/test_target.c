// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_target.c - the target module "T" of the standard scenarios
 * (docs/semantics.md#event-codes).
 *
 * Its functions are what the test livepatches replace.  The originals
 * return 0 and each livepatch's replacements return the patch's number, so
 * a call shows which implementation ran.  The module owns one heap object,
 * allocated at init and released at exit (t_obj_release()): reloading the
 * module gets the same address back (scenario DER-12).
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/slab.h>

struct t_obj {
	int value;
};

static struct t_obj *t_obj;

noinline int t_func(void)
{
	return 0;
}

noinline int t_func2(void)
{
	return 0;
}

/* Works on an object of this module; scenarios pass *T:t_obj. */
noinline int t_obj_func(void *obj)
{
	return obj ? 0 : -EINVAL;
}

/*
 * Releases an object of this module.  The exit path goes through it, so a
 * livepatch that replaces it sees the module's objects go (and may free
 * their shadow variables there).
 */
noinline void t_obj_release(void *obj)
{
	kfree(obj);
}

static int __init t_init(void)
{
	t_obj = kzalloc(sizeof(*t_obj), GFP_KERNEL);
	return t_obj ? 0 : -ENOMEM;
}

static void __exit t_exit(void)
{
	t_obj_release(t_obj);
}

module_init(t_init);
module_exit(t_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Target module of the kernel-support scenarios");
