// SPDX-License-Identifier: GPL-2.0-only
/*
 * WARN(), BUG() and oopses.
 *
 * A warning is one transcript line naming the function (and the module, as
 * the kernel's "[modname]" suffix does), because the file and line of the
 * model's own sources mean nothing to a reader and change with every edit.
 * An oops prints its line and unwinds to the runner's recovery point, like
 * the kernel killing the task that hit it: locks it held stay held.
 */
#include <stdlib.h>
#include <string.h>

#include <linux/bug.h>
#include <linux/kernel.h>

#include "compat.h"

sigjmp_buf *klp_sim_oops_env;

/* " [module]" when @caller lies in a loaded module. */
static void module_suffix(const void *caller, char *buf, size_t size)
{
	const char *mod = klp_sim_owner_name(caller);

	if (mod && strcmp(mod, "vmlinux"))
		snprintf(buf, size, " [%s]", mod);
	else
		buf[0] = '\0';
}

static void strip_newline(char *msg)
{
	size_t len = strlen(msg);

	while (len && msg[len - 1] == '\n')
		msg[--len] = '\0';
}

void klp_warn(const char *file, int line, const char *func,
	      const char *fmt, ...)
{
	char msg[1024], mod[80];
	va_list args;

	(void)file;
	(void)line;
	module_suffix(__builtin_return_address(0), mod, sizeof(mod));
	va_start(args, fmt);
	klp_sim_vformat(msg, sizeof(msg), fmt, args);
	va_end(args);
	strip_newline(msg);
	klp_sim_line("WARNING: at %s%s: %s", func, mod, msg);
}

void klp_warn_on(const char *file, int line, const char *func)
{
	char mod[80];

	(void)file;
	(void)line;
	module_suffix(__builtin_return_address(0), mod, sizeof(mod));
	klp_sim_line("WARNING: at %s%s", func, mod);
}

void klp_sim_oops(const char *fmt, ...)
{
	char msg[1024];
	va_list args;

	va_start(args, fmt);
	klp_sim_vformat(msg, sizeof(msg), fmt, args);
	va_end(args);
	klp_sim_line("%s", msg);

	/* The task is dead: whatever atomic context it had is gone too. */
	klp_sim_reset_context();
	if (klp_sim_oops_env)
		siglongjmp(*klp_sim_oops_env, 1);
	klp_sim_line("klp-sim: oops outside a command, stopping");
	exit(3);
}

void klp_bug(const char *file, int line, const char *func)
{
	char mod[80];

	(void)file;
	(void)line;
	module_suffix(__builtin_return_address(0), mod, sizeof(mod));
	klp_sim_oops("kernel BUG at %s%s!", func, mod);
}
