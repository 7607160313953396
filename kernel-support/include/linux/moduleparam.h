/*
 * Module parameters for the klp-lint user-space kernel headers.
 *
 * Each parameter becomes a struct kernel_param in section "__param", as in
 * a kernel build, so that a loader can enumerate them.  A static inline
 * helper checks the variable's type against the parameter type name.
 */
#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H

#include <linux/compiler.h>
#include <linux/stringify.h>
#include <linux/types.h>

/**
 * struct kernel_param - one module parameter
 * @name: parameter name, as given on the command line
 * @type: type name used in module_param(): "int", "bool", "charp", ...
 * @arg: the variable, or the first element of the array
 * @num: module_param_array() only: where the element count is stored, or NULL
 * @max: module_param_array() only: capacity of the array
 * @perm: sysfs permissions; 0 means not visible in sysfs
 */
struct kernel_param {
	const char *name;
	const char *type;
	void *arg;
	unsigned int *num;
	unsigned int max;
	umode_t perm;
};

/* Defines a never-called function that only compiles if @p has type @type *. */
#define __param_check(name, p, type)					\
	static inline __maybe_unused type *__check_##name(void) { return (p); }

#define param_check_byte(name, p)	__param_check(name, p, unsigned char)
#define param_check_short(name, p)	__param_check(name, p, short)
#define param_check_ushort(name, p)	__param_check(name, p, unsigned short)
#define param_check_int(name, p)	__param_check(name, p, int)
#define param_check_uint(name, p)	__param_check(name, p, unsigned int)
#define param_check_long(name, p)	__param_check(name, p, long)
#define param_check_ulong(name, p)	__param_check(name, p, unsigned long)
#define param_check_ullong(name, p)	__param_check(name, p, unsigned long long)
#define param_check_hexint(name, p)	__param_check(name, p, unsigned int)
#define param_check_charp(name, p)	__param_check(name, p, char *)
#define param_check_bool(name, p)	__param_check(name, p, bool)
#define param_check_invbool(name, p)	__param_check(name, p, bool)
/* Seen when <stdbool.h> came first and turned bool into _Bool. */
#define param_check__Bool(name, p)	__param_check(name, p, bool)

/* Underscored parameters: they must not match the member designators. */
#define __module_param(_name, _arg, _type, _num, _max, _perm)		\
	static const struct kernel_param __param_##_name		\
	__used __section("__param") __aligned(sizeof(void *)) = {	\
		.name = __stringify(_name),				\
		.type = __stringify(_type),				\
		.arg = (void *)(_arg),					\
		.num = (_num),						\
		.max = (_max),						\
		.perm = (_perm),					\
	}

#define module_param_named(_name, _value, _type, _perm)		\
	param_check_##_type(_name, &(_value))				\
	__module_param(_name, &(_value), _type, NULL, 1, _perm)

#define module_param(_name, _type, _perm)				\
	module_param_named(_name, _name, _type, _perm)

#define module_param_array_named(_name, _array, _type, _nump, _perm)	\
	param_check_##_type(_name, &(_array)[0])			\
	__module_param(_name, &(_array)[0], _type, _nump,		\
		       sizeof(_array) / sizeof((_array)[0]), _perm)

#define module_param_array(_name, _type, _nump, _perm)			\
	module_param_array_named(_name, _name, _type, _nump, _perm)

#endif /* _LINUX_MODULEPARAM_H */
