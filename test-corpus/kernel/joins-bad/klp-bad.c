// SPDX-License-Identifier: GPL-2.0-only
#include <linux/livepatch.h>
#include <linux/module.h>

static int nested_sum(int a)
{
	int add(int b) { return a + b; }	/* gcc only */
	return add(1);
}

static int bad_init(void)
{
	return nested_sum(1) && klp_shadow_get(NULL, 3) ? 0 : 0;
}

module_init(bad_init);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
