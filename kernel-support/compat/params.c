// SPDX-License-Identifier: GPL-2.0-only
/*
 * params.c - module parameters: the standard kernel_param_ops, the parsing
 * of insmod's arguments, and /sys/module/<module>/parameters/.
 *
 * The parsing keeps the kernel's rules (kernel/params.c and the module
 * loader): arguments are "name", "name=value" or name="quoted value";
 * '-' and '_' in names are the same; a parameter without a value is an
 * error unless its ops say KERNEL_PARAM_OPS_FL_NOARG; an unknown name is
 * reported and ignored, as the module loader's unknown_module_param_cb()
 * does; every failing argument is reported and the last error fails the
 * load.  Values are parsed by the same kstrto*() the kernel uses.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include "compat.h"

/* Held around every set and get, as kernel_param_lock() does. */
static DEFINE_MUTEX(param_lock);

/* ------------------------------------------------------------------------
 * The standard ops
 */

#define STANDARD_PARAM_DEF(name, type, format, strtolfn)		\
	int param_set_##name(const char *val, const struct kernel_param *kp) \
	{								\
		return strtolfn(val, 0, (type *)kp->arg);		\
	}								\
	int param_get_##name(char *buffer, const struct kernel_param *kp) \
	{								\
		return scnprintf(buffer, PAGE_SIZE, format "\n",	\
				 *((type *)kp->arg));			\
	}								\
	const struct kernel_param_ops param_ops_##name = {		\
		.set = param_set_##name,				\
		.get = param_get_##name,				\
	}

static int kstrtou8(const char *s, unsigned int base, unsigned char *res)
{
	unsigned long v;
	int ret = kstrtoul(s, base, &v);

	if (ret)
		return ret;
	if (v > 0xff)
		return -ERANGE;
	*res = v;
	return 0;
}

static int kstrtos16(const char *s, unsigned int base, short *res)
{
	long v;
	int ret = kstrtol(s, base, &v);

	if (ret)
		return ret;
	if (v < -32768 || v > 32767)
		return -ERANGE;
	*res = v;
	return 0;
}

static int kstrtou16(const char *s, unsigned int base, unsigned short *res)
{
	unsigned long v;
	int ret = kstrtoul(s, base, &v);

	if (ret)
		return ret;
	if (v > 0xffff)
		return -ERANGE;
	*res = v;
	return 0;
}

static int kstrtoull_(const char *s, unsigned int base,
		      unsigned long long *res)
{
	unsigned long v;
	int ret = kstrtoul(s, base, &v);

	if (!ret)
		*res = v;
	return ret;
}

STANDARD_PARAM_DEF(byte, unsigned char, "%hhu", kstrtou8);
STANDARD_PARAM_DEF(short, short, "%hi", kstrtos16);
STANDARD_PARAM_DEF(ushort, unsigned short, "%hu", kstrtou16);
STANDARD_PARAM_DEF(int, int, "%i", kstrtoint);
STANDARD_PARAM_DEF(uint, unsigned int, "%u", kstrtouint);
STANDARD_PARAM_DEF(long, long, "%li", kstrtol);
STANDARD_PARAM_DEF(ulong, unsigned long, "%lu", kstrtoul);
STANDARD_PARAM_DEF(ullong, unsigned long long, "%llu", kstrtoull_);
STANDARD_PARAM_DEF(hexint, unsigned int, "%#08x", kstrtouint);

int param_set_uint_minmax(const char *val, const struct kernel_param *kp,
			  unsigned int min, unsigned int max)
{
	unsigned int num;
	int ret;

	if (!val)
		return -EINVAL;
	ret = kstrtouint(val, 0, &num);
	if (ret)
		return ret;
	if (num < min || num > max)
		return -EINVAL;
	*((unsigned int *)kp->arg) = num;
	return 0;
}

/* The kernel frees only what it allocated after boot; so do we. */
int param_set_charp(const char *val, const struct kernel_param *kp)
{
	char **arg = kp->arg;
	size_t len = strlen(val);

	if (len > 1024) {
		pr_err("%s: string parameter too long\n", kp->name);
		return -ENOSPC;
	}
	param_free_charp(arg);
	*arg = kmalloc(len + 1, GFP_KERNEL);
	if (!*arg)
		return -ENOMEM;
	memcpy(*arg, val, len + 1);
	return 0;
}

int param_get_charp(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, PAGE_SIZE, "%s\n", *((char **)kp->arg));
}

/*
 * A charp points to the module's initial string until the first set; only
 * what param_set_charp() allocated is ours to free.
 */
void param_free_charp(void *arg)
{
	char **p = arg;

	if (*p && klp_sim_mm_label(*p, NULL))
		kfree(*p);
	*p = NULL;
}

const struct kernel_param_ops param_ops_charp = {
	.set = param_set_charp,
	.get = param_get_charp,
	.free = param_free_charp,
};

int param_set_bool(const char *val, const struct kernel_param *kp)
{
	/* No equals means "set"... */
	if (!val)
		val = "1";
	return kstrtobool(val, kp->arg);
}

int param_get_bool(char *buffer, const struct kernel_param *kp)
{
	return sprintf(buffer, "%c\n", *(bool *)kp->arg ? 'Y' : 'N');
}

const struct kernel_param_ops param_ops_bool = {
	.flags = KERNEL_PARAM_OPS_FL_NOARG,
	.set = param_set_bool,
	.get = param_get_bool,
};

int param_set_bool_enable_only(const char *val, const struct kernel_param *kp)
{
	bool new_value, orig = *(bool *)kp->arg;
	struct kernel_param dummy = { .arg = &new_value };
	int err;

	err = param_set_bool(val, &dummy);
	if (err)
		return err;
	if (!new_value && orig)
		return -EROFS;
	if (new_value)
		err = param_set_bool(val, kp);
	return err;
}

int param_set_invbool(const char *val, const struct kernel_param *kp)
{
	bool boolval;
	struct kernel_param dummy = { .arg = &boolval };
	int ret;

	ret = param_set_bool(val, &dummy);
	if (ret == 0)
		*(bool *)kp->arg = !boolval;
	return ret;
}

int param_get_invbool(char *buffer, const struct kernel_param *kp)
{
	return sprintf(buffer, "%c\n", (*(bool *)kp->arg) ? 'N' : 'Y');
}

const struct kernel_param_ops param_ops_invbool = {
	.set = param_set_invbool,
	.get = param_get_invbool,
};

int param_set_bint(const char *val, const struct kernel_param *kp)
{
	struct kernel_param boolkp = *kp;
	bool v;
	int ret;

	boolkp.arg = &v;
	ret = param_set_bool(val, &boolkp);
	if (ret == 0)
		*(int *)kp->arg = v;
	return ret;
}

const struct kernel_param_ops param_ops_bint = {
	.flags = KERNEL_PARAM_OPS_FL_NOARG,
	.set = param_set_bint,
	.get = param_get_int,
};

/* Arrays: comma-separated values, each parsed by the element's ops. */
static int param_array_set(const char *val, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	unsigned int num = 0;
	char buf[1024];
	char *p = buf, *comma;
	int ret = 0;

	if (strlen(val) >= sizeof(buf))
		return -ENOSPC;
	strscpy(buf, val, sizeof(buf));
	buf[strcspn(buf, "\n")] = '\0';
	for (;;) {
		struct kernel_param elem = *kp;

		if (num == arr->max) {
			pr_err("%s: can only take %i arguments\n", kp->name,
			       arr->max);
			return -EINVAL;
		}
		comma = strchr(p, ',');
		if (comma)
			*comma = '\0';
		elem.arg = (char *)arr->elem + arr->elemsize * num;
		ret = arr->ops->set(p, &elem);
		if (ret)
			return ret;
		num++;
		if (!comma)
			break;
		p = comma + 1;
	}
	if (arr->num)
		*arr->num = num;
	return 0;
}

static int param_array_get(char *buffer, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	unsigned int n = arr->num ? *arr->num : arr->max;
	int off = 0;

	for (unsigned int i = 0; i < n; i++) {
		struct kernel_param elem = *kp;

		if (i)
			buffer[off - 1] = ',';
		elem.arg = (char *)arr->elem + arr->elemsize * i;
		off += arr->ops->get(buffer + off, &elem);
	}
	buffer[off] = '\0';
	return off;
}

static void param_array_free(void *arg)
{
	const struct kparam_array *arr = arg;

	if (arr->ops->free)
		for (unsigned int i = 0; i < (arr->num ? *arr->num : arr->max); i++)
			arr->ops->free((char *)arr->elem + arr->elemsize * i);
}

const struct kernel_param_ops param_array_ops = {
	.set = param_array_set,
	.get = param_array_get,
	.free = param_array_free,
};

int param_set_copystring(const char *val, const struct kernel_param *kp)
{
	const struct kparam_string *kps = kp->str;

	if (strlen(val) + 1 > kps->maxlen) {
		pr_err("%s: string doesn't fit in %u chars.\n", kp->name,
		       kps->maxlen - 1);
		return -ENOSPC;
	}
	strcpy(kps->string, val);
	return 0;
}

int param_get_string(char *buffer, const struct kernel_param *kp)
{
	const struct kparam_string *kps = kp->str;

	return scnprintf(buffer, PAGE_SIZE, "%s\n", kps->string);
}

const struct kernel_param_ops param_ops_string = {
	.set = param_set_copystring,
	.get = param_get_string,
};

/* ------------------------------------------------------------------------
 * Parsing insmod's arguments
 */

static bool param_name_eq(const char *a, const char *b)
{
	for (; *a || *b; a++, b++) {
		char ca = *a == '-' ? '_' : *a, cb = *b == '-' ? '_' : *b;

		if (ca != cb)
			return false;
	}
	return true;
}

/*
 * Split off the next argument of @args in place: "name", "name=value" or
 * name="value with spaces".  Returns the rest.
 */
static char *next_arg(char *args, char **param, char **val)
{
	bool in_quote = false;
	char *next, *eq = NULL;
	size_t i;

	if (*args == '"') {
		args++;
		in_quote = true;
	}
	for (i = 0; args[i]; i++) {
		if (isspace((unsigned char)args[i]) && !in_quote)
			break;
		if (!eq && args[i] == '=')
			eq = args + i;
		if (args[i] == '"')
			in_quote = !in_quote;
	}
	*param = args;
	*val = NULL;
	if (eq) {
		*eq = '\0';
		*val = eq + 1;
		if (**val == '"') {
			(*val)++;
			if (args[i - 1] == '"')
				args[i - 1] = '\0';
		}
	}
	if (in_quote && i && args[i - 1] == '"')
		args[i - 1] = '\0';
	next = args + i;
	if (*next)
		*next++ = '\0';
	while (isspace((unsigned char)*next))
		next++;
	return next;
}

static int parse_one(const char *modname, char *param, char *val,
		     struct kernel_param *params, size_t num)
{
	int err;

	for (size_t i = 0; i < num; i++) {
		if (!param_name_eq(param, params[i].name))
			continue;
		if (!val && !(params[i].ops->flags & KERNEL_PARAM_OPS_FL_NOARG))
			return -EINVAL;
		if (!params[i].ops->set)
			return -EPERM;
		mutex_lock(&param_lock);
		err = params[i].ops->set(val, &params[i]);
		mutex_unlock(&param_lock);
		return err;
	}
	/* What the module loader does with a name the module lacks. */
	pr_warn("%s: unknown parameter '%s' ignored\n", modname, param);
	return 0;
}

/*
 * klp_sim_parse_args() - set a module's parameters from @args
 * @modname:	the module, for messages
 * @args:	"name=value ..." (modified)
 * @params:	the module's parameters
 * @num:	their number
 *
 * Return: 0, or the error of the last argument that failed.
 */
int klp_sim_parse_args(const char *modname, char *args,
		       struct kernel_param *params, size_t num)
{
	char *param, *val;
	int err = 0, ret;

	while (isspace((unsigned char)*args))
		args++;
	while (*args) {
		args = next_arg(args, &param, &val);
		ret = parse_one(modname, param, val, params, num);
		switch (ret) {
		case 0:
			continue;
		case -ENOENT:
			pr_err("%s: Unknown parameter `%s'\n", modname, param);
			break;
		case -ENOSPC:
			pr_err("%s: `%s' too large for parameter `%s'\n",
			       modname, val ? val : "", param);
			break;
		default:
			pr_err("%s: `%s' invalid for parameter `%s'\n",
			       modname, val ? val : "", param);
			break;
		}
		err = ret;
	}
	return err;
}

/* Release what the parameters' ops allocated, when the module goes. */
void klp_sim_destroy_params(struct kernel_param *params, size_t num)
{
	for (size_t i = 0; i < num; i++) {
		if (!params[i].ops->free)
			continue;
		if (params[i].ops == &param_array_ops)
			params[i].ops->free((void *)params[i].arr);
		else
			params[i].ops->free(params[i].arg);
	}
}

/* ------------------------------------------------------------------------
 * sysfs: the files of parameters with a non-zero mode
 */

int klp_sim_param_file_show(struct kernel_param *kp, char *buf)
{
	int count;

	if (!(kp->perm & 0444))
		return -EACCES;
	if (!kp->ops->get)
		return -EPERM;
	buf[0] = '\0';
	mutex_lock(&param_lock);
	count = kp->ops->get(buf, kp);
	mutex_unlock(&param_lock);
	return count;
}

int klp_sim_param_file_store(struct kernel_param *kp, const char *val)
{
	int err;

	if (!(kp->perm & 0222))
		return -EACCES;
	if (!kp->ops->set)
		return -EPERM;
	mutex_lock(&param_lock);
	err = kp->ops->set(val, kp);
	mutex_unlock(&param_lock);
	return err;
}
