/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Module parameters: module_param() and friends.
 *
 * Each parameter is a struct kernel_param in the module's "__param"
 * section, as in the kernel; the loader finds them there, sets them from
 * the insmod arguments before the module's init runs, and shows them in
 * /sys/module/<module>/parameters/ when their permissions allow.
 */
#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H

#include <linux/compiler.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/stringify.h>
#include <linux/types.h>

/* One NUL-terminated "tag=value" string in .modinfo per use. */
#define __MODULE_INFO(tag, name, info)					\
	static const char __UNIQUE_ID(name)[]				\
	__used __section(".modinfo") __aligned(1) =			\
		__stringify(tag) "=" info

/* Parameters carry a leading underscore so that they never match a tag. */
#define MODULE_PARM_DESC(_parm, desc)					\
	__MODULE_INFO(parm, _parm, #_parm ":" desc)

/* Parameters of a module carry no prefix; built-in ones would. */
#define MODULE_PARAM_PREFIX	""

struct kernel_param;
struct module;

/* Flags of kernel_param_ops.flags. */
enum {
	KERNEL_PARAM_OPS_FL_NOARG = (1 << 0),	/* the value may be omitted */
};

/**
 * struct kernel_param_ops - how a parameter is parsed and shown
 * @flags:	KERNEL_PARAM_OPS_FL_*
 * @set:	parse @val into the parameter; 0 or a negative errno
 * @get:	write the value into @buffer (a page); its length or -errno
 * @free:	release what @set allocated, when the module goes
 */
struct kernel_param_ops {
	unsigned int flags;
	int (*set)(const char *val, const struct kernel_param *kp);
	int (*get)(char *buffer, const struct kernel_param *kp);
	void (*free)(void *arg);
};

/* Flags of kernel_param.flags. */
enum {
	KERNEL_PARAM_FL_UNSAFE	= (1 << 0),
	KERNEL_PARAM_FL_HWPARAM	= (1 << 1),
};

/**
 * struct kparam_string - a parameter copied into a fixed buffer
 * @maxlen:	size of @string
 * @string:	the buffer
 */
struct kparam_string {
	unsigned int maxlen;
	char *string;
};

/**
 * struct kparam_array - a comma-separated array parameter
 * @max:	number of elements of @elem
 * @elemsize:	size of one element
 * @num:	where the number of values given is stored, or NULL
 * @ops:	the ops of one element
 * @elem:	the array
 */
struct kparam_array {
	unsigned int max;
	unsigned int elemsize;
	unsigned int *num;
	const struct kernel_param_ops *ops;
	void *elem;
};

/**
 * struct kernel_param - one parameter
 * @name:	its name, as on the insmod command line and in sysfs
 * @mod:	the module that defines it
 * @ops:	how it is parsed and shown
 * @perm:	sysfs permissions; 0 for no file
 * @level:	initcall level of built-in parameters; -1 for modules
 * @flags:	KERNEL_PARAM_FL_*
 * @arg:	the variable (for the standard ops), or what the ops need
 * @str:	for module_param_string()
 * @arr:	for module_param_array()
 */
struct kernel_param {
	const char *name;
	struct module *mod;
	const struct kernel_param_ops *ops;
	const u16 perm;
	s8 level;
	u8 flags;
	union {
		void *arg;
		const struct kparam_string *str;
		const struct kparam_array *arr;
	};
};

/* The section entry behind every module_param*() form. */
#define __module_param_call(prefix, name, ops, arg, perm, level, flags)	\
	static const char __param_str_##name[] = prefix #name;		\
	static struct kernel_param __param_##name			\
	__used __section("__param") __aligned(sizeof(void *)) = {	\
		__param_str_##name, THIS_MODULE, ops, (u16)(perm),	\
		level, flags, { arg }					\
	}

/**
 * module_param_cb() - a parameter with its own ops
 * @name:	the parameter's name
 * @ops:	its struct kernel_param_ops
 * @arg:	what the ops get as kp->arg
 * @perm:	sysfs permissions
 */
#define module_param_cb(name, ops, arg, perm)				\
	__module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, perm, -1, 0)

#define module_param_cb_unsafe(name, ops, arg, perm)			\
	__module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, perm, -1, \
			    KERNEL_PARAM_FL_UNSAFE)

/* The parameter's type, for modinfo. */
#define __MODULE_PARM_TYPE(name, _type)					\
	__MODULE_INFO(parmtype, name##type, #name ":" _type)

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
#define param_ops__Bool			param_ops_bool

/**
 * module_param_named() - a parameter whose variable has another name
 * @name:	the parameter's name
 * @value:	the variable
 * @type:	byte, short, ushort, int, uint, long, ulong, ullong, hexint,
 *		charp, bool or invbool
 * @perm:	sysfs permissions
 */
#define module_param_named(name, value, type, perm)			\
	param_check_##type(name, &(value));				\
	module_param_cb(name, &param_ops_##type, &value, perm);	\
	__MODULE_PARM_TYPE(name, #type)

#define module_param(name, type, perm)					\
	module_param_named(name, name, type, perm)

#define module_param_unsafe(name, type, perm)				\
	param_check_##type(name, &(name));				\
	module_param_cb_unsafe(name, &param_ops_##type, &name, perm);	\
	__MODULE_PARM_TYPE(name, #type)

/**
 * module_param_string() - a string copied into a char array
 * @name:	the parameter's name
 * @string:	the array
 * @len:	its size
 * @perm:	sysfs permissions
 */
#define module_param_string(name, string, len, perm)			\
	static const struct kparam_string __param_string_##name	\
		= { len, string };					\
	__module_param_call(MODULE_PARAM_PREFIX, name,			\
			    &param_ops_string,				\
			    .str = &__param_string_##name, perm, -1, 0);\
	__MODULE_PARM_TYPE(name, "string")

/**
 * module_param_array_named() - a comma-separated array
 * @name:	the parameter's name
 * @array:	the array variable
 * @type:	the element type, as for module_param()
 * @nump:	where the number of values given goes, or NULL
 * @perm:	sysfs permissions
 */
#define module_param_array_named(name, array, type, nump, perm)	\
	param_check_##type(name, &(array)[0]);				\
	static const struct kparam_array __param_arr_##name		\
	= { .max = ARRAY_SIZE(array), .num = nump,			\
	    .ops = &param_ops_##type,					\
	    .elemsize = sizeof(array[0]), .elem = array };		\
	__module_param_call(MODULE_PARAM_PREFIX, name,			\
			    &param_array_ops,				\
			    .arr = &__param_arr_##name,			\
			    perm, -1, 0);				\
	__MODULE_PARM_TYPE(name, "array of " #type)

#define module_param_array(name, type, nump, perm)			\
	module_param_array_named(name, name, type, nump, perm)

/* The standard ops, their set and get functions. */
#define __KLP_PARAM_TYPE(type)						\
	extern const struct kernel_param_ops param_ops_##type;		\
	int param_set_##type(const char *val, const struct kernel_param *kp); \
	int param_get_##type(char *buffer, const struct kernel_param *kp)

__KLP_PARAM_TYPE(byte);
__KLP_PARAM_TYPE(short);
__KLP_PARAM_TYPE(ushort);
__KLP_PARAM_TYPE(int);
__KLP_PARAM_TYPE(uint);
__KLP_PARAM_TYPE(long);
__KLP_PARAM_TYPE(ulong);
__KLP_PARAM_TYPE(ullong);
__KLP_PARAM_TYPE(hexint);
__KLP_PARAM_TYPE(charp);
__KLP_PARAM_TYPE(bool);
__KLP_PARAM_TYPE(invbool);

void param_free_charp(void *arg);
int param_set_bool_enable_only(const char *val, const struct kernel_param *kp);
int param_set_uint_minmax(const char *val, const struct kernel_param *kp,
			  unsigned int min, unsigned int max);

extern const struct kernel_param_ops param_ops_bint;
int param_set_bint(const char *val, const struct kernel_param *kp);
#define param_get_bint		param_get_int
#define param_check_bint	param_check_int

extern const struct kernel_param_ops param_array_ops;
extern const struct kernel_param_ops param_ops_string;
int param_set_copystring(const char *val, const struct kernel_param *kp);
int param_get_string(char *buffer, const struct kernel_param *kp);

#endif /* _LINUX_MODULEPARAM_H */
