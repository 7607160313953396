/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Minimal device model for the klp-lint user-space kernel headers: the
 * device structure and the dev_*() log helpers.
 */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <linux/compiler.h>
#include <linux/kobject.h>
#include <linux/printk.h>
#include <linux/types.h>

/**
 * struct device - a device
 * @parent: the device this one hangs off, or NULL
 * @init_name: the device's name
 * @driver_data: the bound driver's data
 */
struct device {
	struct device *parent;
	const char *init_name;
	void *driver_data;
};

static inline const char *dev_name(const struct device *dev)
{
	return dev->init_name;
}

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

/* Messages are prefixed with the device name, as in the kernel. */
#define dev_printk(level, dev, fmt, ...)				\
	printk(level "%s: " fmt, dev_name(dev), ##__VA_ARGS__)
#define dev_err(dev, fmt, ...)	dev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)	dev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) dev_printk(KERN_NOTICE, dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)	dev_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)
#ifdef DEBUG
#define dev_dbg(dev, fmt, ...)	dev_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__)
#else
#define dev_dbg(dev, fmt, ...)						\
	no_printk(KERN_DEBUG "%s: " fmt, dev_name(dev), ##__VA_ARGS__)
#endif

#endif /* _LINUX_DEVICE_H */
