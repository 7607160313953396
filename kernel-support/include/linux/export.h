/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Symbol exports for the klp-lint user-space kernel headers.
 *
 * A shared object exports every global symbol anyway, so the macros expand
 * to a no-op declaration that consumes the trailing semicolon at file scope.
 */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

struct module;

/* Defined once per module; in a kernel build, by the generated .mod.c. */
extern struct module __this_module;
#define THIS_MODULE		(&__this_module)

#define EXPORT_SYMBOL(sym)		_Static_assert(1, "EXPORT_SYMBOL(" #sym ")")
#define EXPORT_SYMBOL_GPL(sym)		_Static_assert(1, "EXPORT_SYMBOL_GPL(" #sym ")")
#define EXPORT_SYMBOL_NS(sym, ns)	_Static_assert(1, "EXPORT_SYMBOL_NS(" #sym ")")
#define EXPORT_SYMBOL_NS_GPL(sym, ns)	_Static_assert(1, "EXPORT_SYMBOL_NS_GPL(" #sym ")")

#endif /* _LINUX_EXPORT_H */
