// SPDX-License-Identifier: GPL-2.0-only
#include <linux/module.h>
#include <linux/printk.h>

static int plain_init(void)
{
	pr_info("plain module loaded\n");
	return 0;
}

static void plain_exit(void)
{
}

module_init(plain_init);
module_exit(plain_exit);
MODULE_LICENSE("GPL");
