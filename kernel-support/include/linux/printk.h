/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * printk() and the pr_*() family for the klp-lint user-space kernel headers.
 *
 * Every message ends up in klp_printk(), which the user-space livepatch core
 * provides.  The level prefixes are the kernel's: an SOH byte and a digit.
 */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <stdarg.h>
#include <linux/compiler.h>
#include <linux/types.h>

#define KERN_SOH	"\001"
#define KERN_SOH_ASCII	'\001'

#define KERN_EMERG	KERN_SOH "0"
#define KERN_ALERT	KERN_SOH "1"
#define KERN_CRIT	KERN_SOH "2"
#define KERN_ERR	KERN_SOH "3"
#define KERN_WARNING	KERN_SOH "4"
#define KERN_NOTICE	KERN_SOH "5"
#define KERN_INFO	KERN_SOH "6"
#define KERN_DEBUG	KERN_SOH "7"
#define KERN_DEFAULT	""
#define KERN_CONT	KERN_SOH "c"

#define CONSOLE_LOGLEVEL_SILENT		0
#define CONSOLE_LOGLEVEL_MIN		1
#define CONSOLE_LOGLEVEL_DEBUG		10
#define CONSOLE_LOGLEVEL_MOTORMOUTH	15

/* console_printk[0] is the current console log level. */
extern int console_printk[4];
#define console_loglevel	(console_printk[0])

/**
 * klp_printk() - emit one kernel log message
 * @fmt: printf-style format, optionally starting with a KERN_* level prefix
 *
 * Return: the number of characters written.
 */
int klp_printk(const char *fmt, ...) __printf(1, 2);

/**
 * klp_vprintk() - emit one kernel log message from a va_list
 * @fmt: as for klp_printk()
 * @args: the arguments
 *
 * Return: the number of characters written.
 */
int klp_vprintk(const char *fmt, va_list args) __printf(1, 0);

#define printk(fmt, ...)	klp_printk(fmt, ##__VA_ARGS__)
#define vprintk(fmt, args)	klp_vprintk(fmt, args)

/* Type-check the arguments but print nothing. */
#define no_printk(fmt, ...)						\
({									\
	if (0)								\
		klp_printk(fmt, ##__VA_ARGS__);				\
	0;								\
})

/* Each source file may define pr_fmt() before its first #include. */
#ifndef pr_fmt
#define pr_fmt(fmt)	fmt
#endif

#define pr_emerg(fmt, ...)	printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)	printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)	printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...)	printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
/* A continuation line carries no pr_fmt() prefix. */
#define pr_cont(fmt, ...)	printk(KERN_CONT fmt, ##__VA_ARGS__)

/* As in the kernel, debug messages are compiled in only with DEBUG. */
#ifdef DEBUG
#define pr_debug(fmt, ...)	printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_devel(fmt, ...)	printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#else
#define pr_debug(fmt, ...)	no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_devel(fmt, ...)	no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#endif

/* Print at most once per call site. */
#define printk_once(fmt, ...)						\
({									\
	static bool __print_once;					\
	bool __ret_print_once = !__print_once;				\
									\
	if (!__print_once) {						\
		__print_once = true;					\
		printk(fmt, ##__VA_ARGS__);				\
	}								\
	unlikely(__ret_print_once);					\
})

#define pr_err_once(fmt, ...)	printk_once(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn_once(fmt, ...)	printk_once(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info_once(fmt, ...)	printk_once(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)

/* No rate limiting in the model: every message is printed. */
#define pr_err_ratelimited(fmt, ...)	pr_err(fmt, ##__VA_ARGS__)
#define pr_warn_ratelimited(fmt, ...)	pr_warn(fmt, ##__VA_ARGS__)
#define pr_info_ratelimited(fmt, ...)	pr_info(fmt, ##__VA_ARGS__)

#endif /* _LINUX_PRINTK_H */
