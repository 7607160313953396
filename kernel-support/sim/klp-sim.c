// SPDX-License-Identifier: GPL-2.0-only
/*
 * klp-sim - run a livepatch scenario against the user-space livepatch core.
 *
 * Usage: klp-sim [-L <dir>]... [--no-phantom-vmlinux] [--leaks-after-each]
 *                [-e <command>]... [<scenario> | -]
 *
 * A scenario is a list of commands, one per line (docs/kernel-support.md
 * has the language).  Each command is echoed as "% <command>", followed by
 * everything it caused: kernel messages, state callbacks, shadow variable
 * events, and "→ <ERRNO>" if it failed.  At the end the runner reports
 * what is still live.  The exit status is 0, 1 if an expect-* command
 * failed, 2 for a malformed scenario.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/mutex.h>

#include "../compat/compat.h"
#include "../compat/ftrace.h"
#include "../core.h"
#include "../patch.h"
#include "bookkeeping.h"
#include "sysfs.h"
#include "../state.h"
#include "../transition.h"

/* Sanitizer defaults: a memory error must fail the run, leaks are ours. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "detect_leaks=0:allow_user_segv_handler=1:handle_segv=0";
}

const char *__ubsan_default_options(void);
const char *__ubsan_default_options(void)
{
	return "halt_on_error=1:print_stacktrace=1";
}

#define MAX_ARGS	16
#define MAX_LIBDIRS	16

static const char *sim_libdirs[MAX_LIBDIRS];
static int sim_nr_libdirs;
static char sim_script_dir[4096] = ".";
static bool sim_leaks_after_each;
static bool sim_quiet_clean_report;
static int sim_failures;
static int sim_last_ret;
static const char *sim_file = "<command line>";
static int sim_line;

static sigjmp_buf sim_env;

/* ------------------------------------------------------------------------
 * Helpers
 */

static void __noreturn scenario_error(const char *fmt, ...) __printf(1, 2);
static void scenario_error(const char *fmt, ...)
{
	va_list args;

	klp_sim_flush();
	fprintf(stderr, "klp-sim: %s:%d: ", sim_file, sim_line);
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	fputc('\n', stderr);
	exit(2);
}

static void expect_failed(const char *fmt, ...) __printf(1, 2);
static void expect_failed(const char *fmt, ...)
{
	char msg[512];
	va_list args;

	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	klp_sim_line("EXPECT FAILED: %s", msg);
	fprintf(stderr, "klp-sim: %s:%d: expectation failed: %s\n", sim_file,
		sim_line, msg);
	sim_failures++;
}

static void print_result(int ret)
{
	const char *name;

	if (ret >= 0)
		return;
	name = klp_sim_errname(ret);
	if (name)
		klp_sim_event("→ %s", name);
	else
		klp_sim_event("→ %d", ret);
}

static int parse_errno(const char *s)
{
	int err = klp_sim_errno_value(s);

	if (!err && strcmp(s, "0"))
		scenario_error("unknown errno name '%s'", s);
	return -err;
}

static unsigned long parse_ulong(const char *s)
{
	char *end;
	unsigned long v = strtoul(s, &end, 0);

	if (!*s || *end)
		scenario_error("'%s' is not a number", s);
	return v;
}

static long parse_long(const char *s)
{
	char *end;
	long v = strtol(s, &end, 0);

	if (!*s || *end)
		scenario_error("'%s' is not a number", s);
	return v;
}

static bool parse_onoff(const char *s)
{
	if (!strcmp(s, "on") || !strcmp(s, "1"))
		return true;
	if (!strcmp(s, "off") || !strcmp(s, "0"))
		return false;
	scenario_error("expected on or off, got '%s'", s);
}

static bool file_exists(const char *path)
{
	FILE *f = fopen(path, "r");

	if (f)
		fclose(f);
	return f != NULL;
}

/* A module file: as given if it has a '/', else from -L, else by the script. */
static const char *resolve_module(const char *name, char *buf, size_t size)
{
	if (strchr(name, '/'))
		return name;
	for (int i = 0; i < sim_nr_libdirs; i++) {
		if ((size_t)snprintf(buf, size, "%s/%s", sim_libdirs[i],
				     name) < size && file_exists(buf))
			return buf;
	}
	if ((size_t)snprintf(buf, size, "%s/%s", sim_script_dir, name) < size &&
	    file_exists(buf))
		return buf;
	return name;
}

/*
 * A module named as insmod names it, "<dir>/<name>.ko": the <name>.so of
 * that name on the module path (the directory part is the selftests').
 */
static const char *resolve_ko(const char *path, char *buf, size_t size)
{
	const char *base = strrchr(path, '/'), *found;
	size_t len;
	char so[512];

	base = base ? base + 1 : path;
	len = strlen(base);
	if (len < 4 || strcmp(base + len - 3, ".ko")) {
		found = resolve_module(path, buf, size);
	} else {
		snprintf(so, sizeof(so), "%.*s.so", (int)(len - 3), base);
		found = resolve_module(so, buf, size);
	}
	/* Always in @buf: @so does not outlive this function. */
	if (found != buf)
		snprintf(buf, size, "%s", found);
	return buf;
}

static void *lookup_function(const char *spec)
{
	void *addr;
	int ret = klp_sim_lookup_symbol(spec, &addr);

	if (ret == -EINVAL)
		scenario_error("'%s' is ambiguous; write <module>:%s", spec,
			       spec);
	return ret ? NULL : addr;
}

/* "as <task>" at the end of a command; returns the remaining argc. */
static int take_task(int argc, char **argv, struct task_struct **task)
{
	*task = klp_sim_main_task;
	if (argc >= 3 && !strcmp(argv[argc - 2], "as")) {
		*task = klp_sim_find_task(argv[argc - 1], true);
		if (!*task)
			scenario_error("cannot create task '%s'", argv[argc - 1]);
		return argc - 2;
	}
	return argc;
}

/* The argument of "call": a number, &[mod:]sym or *[mod:]sym. */
static int parse_call_arg(const char *s, void **val)
{
	void *addr;

	if (s[0] == '&' || s[0] == '*') {
		addr = lookup_function(s + 1);
		if (!addr)
			return -ENOENT;
		*val = s[0] == '&' ? addr : *(void **)addr;
		return 0;
	}
	*val = (void *)(intptr_t)parse_long(s);
	return 0;
}

/* ------------------------------------------------------------------------
 * The leak report
 */

static unsigned int report_patches(void)
{
	struct klp_patch *patch;
	unsigned int count = 0;

	mutex_lock(&klp_mutex);
	klp_for_each_patch(patch) {
		if (patch == klp_transition_patch)
			klp_sim_event("leak: patch '%s' still in transition",
				      patch->mod->name);
		else
			klp_sim_event("leak: patch '%s' still enabled",
				      patch->mod->name);
		count++;
	}
	mutex_unlock(&klp_mutex);
	return count;
}

static void report_leaks(void)
{
	unsigned int count = 0;

	count += report_patches();
	count += klp_shadow_report("leak: ");
	count += klp_states_report_leaks();
	count += klp_objects_report_leaks();
	count += klp_sim_mm_report_leaks();
	count += klp_sim_module_report();
	count += klp_shadow_report_unrun_dtors();
	if (!count && !sim_quiet_clean_report)
		klp_sim_event("no leaks");
}

/* ------------------------------------------------------------------------
 * Commands.  Each returns 0 or a negative errno, printed as "→ ERRNO".
 */

/*
 * join_params() - a command's <param>[=<value>] words from @first on, as
 * insmod passes them to the kernel: a value with blanks is quoted, as the
 * shell would have kept it one word.
 */
static void join_params(int argc, char **argv, int first, char *args,
			size_t size)
{
	size_t len = 0;

	args[0] = '\0';
	for (int i = first; i < argc; i++) {
		const char *eq = strchr(argv[i], '=');

		if (eq && strpbrk(eq, " \t"))
			len += snprintf(args + len, size - len,
					"%s%.*s\"%s\"", len ? " " : "",
					(int)(eq + 1 - argv[i]), argv[i],
					eq + 1);
		else
			len += snprintf(args + len, size - len, "%s%s",
					len ? " " : "", argv[i]);
		if (len >= size)
			scenario_error("%s: arguments too long", argv[0]);
	}
}

/* load <file.so> [as <name>] [<param>[=<value>]]... */
static int cmd_load(int argc, char **argv)
{
	char buf[4096], args[4096];
	const char *name = NULL;
	int first = 2;

	if (argc < 2 || (argc == 3 && !strcmp(argv[2], "as")))
		scenario_error("usage: load <file.so> [as <name>] [<param>=<value>]...");
	if (argc >= 4 && !strcmp(argv[2], "as")) {
		name = argv[3];
		first = 4;
	}
	join_params(argc, argv, first, args, sizeof(args));
	return klp_sim_insmod_args(resolve_module(argv[1], buf, sizeof(buf)),
				   name, first < argc ? args : NULL);
}

/* What kmod's insmod prints for a failed finit_module(). */
static const char *insmod_strerror(int err)
{
	switch (err) {
	case ENOEXEC:
		return "Invalid module format";
	case ENOENT:
		return "Unknown symbol in module";
	case ESRCH:
		return "Module has wrong symbol version";
	case EINVAL:
		return "Invalid parameters";
	default:
		return strerror(err);
	}
}

/* insmod <file> [<param>[=<value>]]...: load with module parameters. */
static int cmd_insmod(int argc, char **argv)
{
	char buf[4096], args[4096];
	int ret;

	if (argc < 2)
		scenario_error("usage: insmod <file> [<param>=<value>]...");
	join_params(argc, argv, 2, args, sizeof(args));
	if (!file_exists(resolve_ko(argv[1], buf, sizeof(buf)))) {
		/* kmod's words when it cannot open the file. */
		klp_sim_line("insmod: ERROR: could not load module %s: No such file or directory",
			     argv[1]);
		return -ENOENT;
	}
	ret = klp_sim_insmod_args(buf, NULL, args);
	if (ret < 0)
		klp_sim_line("insmod: ERROR: could not insert module %s: %s",
			     argv[1], insmod_strerror(-ret));
	return ret;
}

/* rmmod <name>: as kmod's rmmod, with its messages. */
static int cmd_rmmod(int argc, char **argv)
{
	int ret;

	if (argc != 2)
		scenario_error("usage: rmmod <name>");
	ret = klp_sim_rmmod(argv[1]);
	if (ret == -ENOENT)
		klp_sim_line("rmmod: ERROR: Module %s is not currently loaded",
			     argv[1]);
	else if (ret == -EAGAIN || ret == -EBUSY)
		klp_sim_line("rmmod: ERROR: Module %s is in use", argv[1]);
	return ret;
}

static int cmd_unload(int argc, char **argv)
{
	if (argc != 2)
		scenario_error("usage: unload <name>");
	return klp_sim_rmmod(argv[1]);
}

static int sysfs_write(const char *patch, const char *attr, const char *val)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", patch, attr);
	return klp_sim_sysfs_store(path, val);
}

static int cmd_enable(int argc, char **argv)
{
	if (argc != 2)
		scenario_error("usage: %s <patch>", argv[0]);
	return sysfs_write(argv[1], "enabled",
			   !strcmp(argv[0], "enable") ? "1" : "0");
}

static int cmd_force(int argc, char **argv)
{
	if (argc != 2)
		scenario_error("usage: force <patch>");
	return sysfs_write(argv[1], "force", "1");
}

static int cmd_block(int argc, char **argv)
{
	struct task_struct *task;
	struct klp_task *kt;
	void *addr;

	if (argc != 2 && !(argc == 4 && !strcmp(argv[2], "in")))
		scenario_error("usage: block <task> [in <function>]");
	task = klp_sim_find_task(argv[1], true);
	if (!task)
		scenario_error("cannot create task '%s'", argv[1]);
	kt = to_klp_task(task);
	if (argc == 2) {
		kt->blocked_in = NULL;
		snprintf(kt->blocked_name, sizeof(kt->blocked_name), "%s",
			 "<unknown>");
	} else {
		addr = lookup_function(argv[3]);
		if (!addr)
			return -ENOENT;
		/* It sleeps in whatever a call would run right now. */
		kt->blocked_in = (void *)klp_sim_ftrace_call(task,
							     (unsigned long)addr);
		snprintf(kt->blocked_name, sizeof(kt->blocked_name), "%s",
			 argv[3]);
	}
	kt->blocked = true;
	return 0;
}

static int cmd_unblock(int argc, char **argv)
{
	struct task_struct *task;

	if (argc != 2)
		scenario_error("usage: unblock <task>");
	task = klp_sim_find_task(argv[1], false);
	if (!task)
		return -ESRCH;
	to_klp_task(task)->blocked = false;
	return 0;
}

static int cmd_complete(int argc, char **argv)
{
	(void)argv;
	if (argc != 1)
		scenario_error("usage: complete");
	mutex_lock(&klp_mutex);
	if (klp_transition_patch)
		klp_try_complete_transition();
	mutex_unlock(&klp_mutex);
	return 0;
}

/* What a call of @spec runs for @task; NULL if there is no such function. */
static void *call_target(const char *spec, struct task_struct *task,
			 void **old)
{
	*old = lookup_function(spec);
	if (!*old)
		return NULL;
	return (void *)klp_sim_ftrace_call(task, (unsigned long)*old);
}

/**
 * enum call_kind - what a called function returns
 * @CALL_INT:	int, printed and compared by expect-call
 * @CALL_VOID:	nothing the transcript can show: void, or a pointer whose
 *		value changes from run to run (call-void)
 */
enum call_kind {
	CALL_INT,
	CALL_VOID,
};

#define MAX_CALL_ARGS	2

/*
 * A function found by name is called through the type the command assumes,
 * which for call-void is not the function's own: clang's function
 * sanitizer must not stop that call.
 */
#if defined(__clang__)
__attribute__((no_sanitize("function")))
#endif
static int do_call(const char *spec, char **args, int nr_args,
		   enum call_kind kind, struct task_struct *task, int *result)
{
	char desc[KLP_SIM_DESC_LEN], shown[256] = "";
	struct task_struct *prev;
	void *old, *impl = call_target(spec, task, &old);
	void *argval[MAX_CALL_ARGS] = { NULL };
	size_t len = 0;

	if (!impl)
		return -ENOENT;
	for (int i = 0; i < nr_args; i++) {
		if (parse_call_arg(args[i], &argval[i]))
			return -ENOENT;
		len += snprintf(shown + len, sizeof(shown) - len, "%s%s",
				i ? ", " : "", args[i]);
		if (len >= sizeof(shown))
			len = sizeof(shown) - 1;
	}
	klp_sim_describe(impl, desc, sizeof(desc));
	if (klp_sim_is_phantom(impl)) {
		klp_sim_event("%s() runs %s, a phantom that cannot be called",
			      spec, desc);
		return -ENOSYS;
	}

	prev = klp_sim_set_current(task);
	if (nr_args == 2)
		*result = ((int (*)(void *, void *))impl)(argval[0], argval[1]);
	else if (nr_args == 1)
		*result = ((int (*)(void *))impl)(argval[0]);
	else
		*result = ((int (*)(void))impl)();
	klp_sim_set_current(prev);
	if (kind == CALL_VOID)
		klp_sim_event("%s(%s) ran %s", spec, shown, desc);
	else
		klp_sim_event("%s(%s) = %d (%s)", spec, shown, *result, desc);
	return 0;
}

static int cmd_call(int argc, char **argv)
{
	struct task_struct *task;
	int result;

	argc = take_task(argc, argv, &task);
	if (argc < 2 || argc > 2 + MAX_CALL_ARGS)
		scenario_error("usage: %s <function> [<arg> [<arg>]] [as <task>]",
			       argv[0]);
	return do_call(argv[1], argv + 2, argc - 2,
		       !strcmp(argv[0], "call-void") ? CALL_VOID : CALL_INT,
		       task, &result);
}

static int cmd_which(int argc, char **argv)
{
	char desc[KLP_SIM_DESC_LEN];
	struct task_struct *task;
	void *old, *impl;

	argc = take_task(argc, argv, &task);
	if (argc != 2)
		scenario_error("usage: which <function> [as <task>]");
	impl = call_target(argv[1], task, &old);
	if (!impl)
		return -ENOENT;
	klp_sim_event("%s runs %s", argv[1],
		      klp_sim_describe(impl, desc, sizeof(desc)));
	return 0;
}

#define SYSFS_KLP_DIR		"/sys/kernel/livepatch/"
#define SYSFS_MODULE_DIR	"/sys/module/"

/*
 * Read a file: "<patch>/<attr>" (relative to /sys/kernel/livepatch), an
 * absolute /sys/kernel/livepatch path, /sys/module/<m>/parameters/<p>, or
 * /proc/<name>.  Returns the length or a negative errno.
 */
static int read_file(const char *path, char *buf, size_t size)
{
	char page[PAGE_SIZE], module[MODULE_NAME_LEN];
	const char *rest;
	int ret;

	if (!strncmp(path, SYSFS_KLP_DIR, strlen(SYSFS_KLP_DIR)))
		return klp_sim_sysfs_show(path + strlen(SYSFS_KLP_DIR), buf,
					  size);
	if (!strncmp(path, "/proc/", 6))
		return klp_sim_proc_read(path + 6, buf, size);
	if (!strncmp(path, SYSFS_MODULE_DIR, strlen(SYSFS_MODULE_DIR))) {
		path += strlen(SYSFS_MODULE_DIR);
		rest = strstr(path, "/parameters/");
		if (!rest || (size_t)(rest - path) >= sizeof(module))
			return -ENOENT;
		snprintf(module, sizeof(module), "%.*s", (int)(rest - path),
			 path);
		ret = klp_sim_param_show(module, rest + strlen("/parameters/"),
					 page);
		if (ret >= 0)
			snprintf(buf, size, "%.*s", ret, page);
		return ret;
	}
	if (path[0] == '/')
		return -ENOENT;
	return klp_sim_sysfs_show(path, buf, size);
}

/* Write @val to a file named as for read_file() (not /proc). */
static int write_file(const char *path, const char *val)
{
	char module[MODULE_NAME_LEN];
	const char *rest;

	if (!strncmp(path, SYSFS_KLP_DIR, strlen(SYSFS_KLP_DIR)))
		return klp_sim_sysfs_store(path + strlen(SYSFS_KLP_DIR), val);
	if (!strncmp(path, SYSFS_MODULE_DIR, strlen(SYSFS_MODULE_DIR))) {
		path += strlen(SYSFS_MODULE_DIR);
		rest = strstr(path, "/parameters/");
		if (!rest || (size_t)(rest - path) >= sizeof(module))
			return -ENOENT;
		snprintf(module, sizeof(module), "%.*s", (int)(rest - path),
			 path);
		return klp_sim_param_store(module,
					   rest + strlen("/parameters/"), val);
	}
	if (path[0] == '/')
		return -ENOENT;
	return klp_sim_sysfs_store(path, val);
}

/* Every line of @text as a transcript line of its own. */
static void print_lines(const char *text, bool kmsg)
{
	while (*text) {
		size_t n = strcspn(text, "\n");

		if (kmsg)
			klp_sim_line("%.*s", (int)n, text);
		else
			klp_sim_event("%.*s", (int)n, text);
		text += n;
		if (*text)
			text++;
	}
}

static int cmd_cat(int argc, char **argv)
{
	char buf[PAGE_SIZE];
	int ret;

	if (argc != 2)
		scenario_error("usage: cat <file>");
	ret = read_file(argv[1], buf, sizeof(buf));
	if (ret < 0)
		return ret;
	print_lines(buf, false);
	return 0;
}

/* echo <value> > <file>, and write <file> <value>: echo adds a newline. */
static int cmd_write(int argc, char **argv)
{
	char val[1024];

	if (!strcmp(argv[0], "write") && argc == 3) {
		snprintf(val, sizeof(val), "%s\n", argv[2]);
		return write_file(argv[1], val);
	}
	if (!strcmp(argv[0], "echo") && argc == 4 && !strcmp(argv[2], ">")) {
		snprintf(val, sizeof(val), "%s\n", argv[1]);
		return write_file(argv[3], val);
	}
	scenario_error("usage: echo <value> > <file>, write <file> <value>");
}

/*
 * grep <text> <file> > /dev/kmsg: the lines of @file that contain @text
 * become kernel messages, as the selftests log what /proc shows.
 */
static int cmd_grep(int argc, char **argv)
{
	char buf[PAGE_SIZE];
	const char *line;
	int ret;

	if (argc != 5 || strcmp(argv[3], ">") || strcmp(argv[4], "/dev/kmsg"))
		scenario_error("usage: grep <text> <file> > /dev/kmsg");
	ret = read_file(argv[2], buf, sizeof(buf));
	if (ret < 0)
		return ret;
	for (line = buf; *line;) {
		size_t n = strcspn(line, "\n");
		char one[PAGE_SIZE];

		snprintf(one, sizeof(one), "%.*s", (int)n, line);
		if (strstr(one, argv[1]))
			klp_sim_line("%s", one);
		line += n;
		if (*line)
			line++;
	}
	return 0;
}

/* The mode string of ls -l / stat %A for a file of @mode. */
static void mode_string(umode_t mode, bool dir, char *out)
{
	static const char rwx[] = "rwxrwxrwx";

	out[0] = dir ? 'd' : '-';
	for (int i = 0; i < 9; i++)
		out[i + 1] = mode & (0400 >> i) ? rwx[i] : '-';
	out[10] = '\0';
}

/* expect-mode <file> <mode>: the permissions of a livepatch sysfs file. */
static int cmd_expect_mode(int argc, char **argv)
{
	char got[11] = "missing";
	umode_t mode;
	bool dir;

	if (argc != 3)
		scenario_error("usage: expect-mode <file> <mode, as -rw-r--r-->");
	if (!klp_sim_sysfs_mode(strncmp(argv[1], SYSFS_KLP_DIR,
					strlen(SYSFS_KLP_DIR)) ? argv[1] :
				argv[1] + strlen(SYSFS_KLP_DIR), &mode, &dir))
		mode_string(mode, dir, got);
	if (strcmp(got, argv[2]))
		expect_failed("%s has mode %s, expected %s", argv[1], got,
			      argv[2]);
	return 0;
}

/* expect-file <file> <value>: the first line of a file (-: no such file). */
static int cmd_expect_file(int argc, char **argv)
{
	char buf[PAGE_SIZE];
	int ret;

	if (argc != 3)
		scenario_error("usage: expect-file <file> <value>|-");
	ret = read_file(argv[1], buf, sizeof(buf));
	if (ret < 0)
		snprintf(buf, sizeof(buf), "-");
	buf[strcspn(buf, "\n")] = '\0';
	if (strcmp(buf, argv[2]))
		expect_failed("%s is %s, expected %s", argv[1], buf, argv[2]);
	return 0;
}

static int cmd_knob(int argc, char **argv)
{
	unsigned long id;

	if (argc != 2)
		scenario_error("usage: knob <id>");
	id = parse_ulong(argv[1]);
	if (id >= KLP_SIM_NR_KNOBS)
		scenario_error("knob ids go up to %d", KLP_SIM_NR_KNOBS - 1);
	klp_sim_event("knob[%lu] = %d", id, klp_sim_knobs[id]);
	return 0;
}

static int cmd_shadow(int argc, char **argv)
{
	(void)argv;
	if (argc != 1)
		scenario_error("usage: shadow");
	if (!klp_shadow_report(""))
		klp_sim_event("no shadow variables");
	return 0;
}

static int cmd_leaks(int argc, char **argv)
{
	(void)argv;
	if (argc != 1)
		scenario_error("usage: leaks");
	report_leaks();
	return 0;
}

static const char *patch_state_name(int state)
{
	switch (state) {
	case KLP_TRANSITION_PATCHED:
		return "patched";
	case KLP_TRANSITION_UNPATCHED:
		return "unpatched";
	default:
		return "idle";
	}
}

/*
 * " asleep in <mod>:<func> < <mod>:<func> ...": the module functions on a
 * sleeping task's stack, innermost first, as the transition's stack check
 * sees them.
 */
static void describe_sleep(struct task_struct *task, char *buf, size_t size)
{
	unsigned long entries[64];
	int n = stack_trace_save_tsk_reliable(task, entries,
					      ARRAY_SIZE(entries));
	size_t len = snprintf(buf, size, " asleep");

	for (int i = 0, shown = 0; i < n && len < size; i++) {
		const char *mod, *sym;
		unsigned long off;

		if (!klp_sim_symbolize((void *)entries[i], &mod, &sym, &off) ||
		    !strcmp(mod, "vmlinux"))
			continue;
		len += snprintf(buf + len, size - len, "%s%s:%s",
				shown++ ? " < " : " in ", mod, sym);
	}
}

static int cmd_tasks(int argc, char **argv)
{
	struct klp_task *kt;

	(void)argv;
	if (argc != 1)
		scenario_error("usage: tasks");
	klp_for_each_task(kt) {
		char blocked[512] = "";

		if (kt->blocked)
			snprintf(blocked, sizeof(blocked), " blocked in %s",
				 kt->blocked_name);
		else if (kt->state != TASK_RUNNING)
			describe_sleep(&kt->task, blocked, sizeof(blocked));
		klp_sim_event("task %s (pid %d): %s%s%s", kt->task.comm,
			      kt->task.pid,
			      patch_state_name(kt->task.patch_state),
			      kt->patch_pending ? " pending" : "", blocked);
	}
	return 0;
}

static int cmd_wait(int argc, char **argv)
{
	if (argc != 2)
		scenario_error("usage: wait <milliseconds>");
	klp_sim_let_time_pass(parse_ulong(argv[1]));
	return 0;
}

static int cmd_notrace(int argc, char **argv)
{
	void *addr;

	if (argc != 2 && argc != 3)
		scenario_error("usage: notrace <function> [<ERRNO>]");
	addr = lookup_function(argv[1]);
	if (!addr)
		return -ENOENT;
	klp_sim_set_notrace(addr, argc == 3 ? parse_errno(argv[2]) : -EINVAL);
	return 0;
}

static int cmd_set(int argc, char **argv)
{
	if (argc != 3)
		scenario_error("usage: set <option> on|off");
	if (!strcmp(argv[1], "phantom-vmlinux"))
		klp_sim_phantom_vmlinux = parse_onoff(argv[2]);
	else if (!strcmp(argv[1], "kmsg-only"))
		klp_sim_kmsg_only = parse_onoff(argv[2]);
	else if (!strcmp(argv[1], "leaks-after-each"))
		sim_leaks_after_each = parse_onoff(argv[2]);
	else
		scenario_error("unknown option '%s'", argv[1]);
	return 0;
}

static int cmd_expect_errno(int argc, char **argv)
{
	int want;

	if (argc != 2)
		scenario_error("usage: expect-errno <ERRNO>|0");
	want = parse_errno(argv[1]);
	if (sim_last_ret != want)
		expect_failed("previous command returned %s, expected %s",
			      sim_last_ret ? klp_sim_errname(sim_last_ret) : "0",
			      argv[1]);
	return 0;
}

static int cmd_expect_attr(int argc, char **argv)
{
	char path[256], buf[64];
	const char *want;
	int ret;

	if (!strcmp(argv[0], "expect-enabled") && argc == 3) {
		snprintf(path, sizeof(path), "%s/enabled", argv[1]);
		want = argv[2];
	} else if (!strcmp(argv[0], "expect-patched") && argc == 4) {
		snprintf(path, sizeof(path), "%s/%s/patched", argv[1], argv[2]);
		want = argv[3];
	} else {
		scenario_error("usage: expect-enabled <patch> 0|1|-, expect-patched <patch> <object> 0|1|-");
	}
	ret = klp_sim_sysfs_show(path, buf, sizeof(buf));
	if (ret < 0)
		snprintf(buf, sizeof(buf), "-");
	buf[strcspn(buf, "\n")] = '\0';
	if (strcmp(buf, want))
		expect_failed("%s is %s, expected %s", path, buf, want);
	return 0;
}

static int cmd_expect_call(int argc, char **argv)
{
	struct task_struct *task;
	int result, want, ret;

	argc = take_task(argc, argv, &task);
	if (argc < 3 || argc > 3 + MAX_CALL_ARGS)
		scenario_error("usage: expect-call <function> [<arg> [<arg>]] <value> [as <task>]");
	want = (int)parse_long(argv[argc - 1]);
	ret = do_call(argv[1], argv + 2, argc - 3, CALL_INT, task, &result);
	if (ret)
		expect_failed("%s cannot be called", argv[1]);
	else if (result != want)
		expect_failed("%s returned %d, expected %d", argv[1], result,
			      want);
	return 0;
}

static int cmd_expect_shadow(int argc, char **argv)
{
	unsigned long id = 0;
	unsigned int count, want;
	bool any;

	if (argc != 3 && argc != 4)
		scenario_error("usage: expect-shadow <id>|* <count> [<object>]");
	any = !strcmp(argv[1], "*");
	if (!any)
		id = parse_ulong(argv[1]);
	want = parse_ulong(argv[2]);
	count = klp_shadow_count(id, any, argc == 4 ? argv[3] : NULL);
	if (count != want)
		expect_failed("%u shadow variables with id %s%s%s, expected %u",
			      count, argv[1], argc == 4 ? " on " : "",
			      argc == 4 ? argv[3] : "", want);
	return 0;
}

static int cmd_expect_knob(int argc, char **argv)
{
	unsigned long id;
	int want;

	if (argc != 3)
		scenario_error("usage: expect-knob <id> <value>");
	id = parse_ulong(argv[1]);
	want = (int)parse_long(argv[2]);
	if (id >= KLP_SIM_NR_KNOBS)
		scenario_error("knob ids go up to %d", KLP_SIM_NR_KNOBS - 1);
	if (klp_sim_knobs[id] != want)
		expect_failed("knob[%lu] is %d, expected %d", id,
			      klp_sim_knobs[id], want);
	return 0;
}

/**
 * struct sim_command - one scenario command
 * @name:	the command word
 * @fn:		its implementation
 * @ticks:	let a second of simulated time pass afterwards, so that
 *		pending transitions are retried and freed patches released
 *		as the kernel's work items would do
 */
struct sim_command {
	const char *name;
	int (*fn)(int argc, char **argv);
	bool ticks;
};

static const struct sim_command sim_commands[] = {
	{ "load",		cmd_load,		true },
	{ "insmod",		cmd_insmod,		true },
	{ "unload",		cmd_unload,		true },
	{ "rmmod",		cmd_rmmod,		true },
	{ "echo",		cmd_write,		true },
	{ "write",		cmd_write,		true },
	{ "grep",		cmd_grep,		false },
	{ "expect-mode",	cmd_expect_mode,	false },
	{ "expect-file",	cmd_expect_file,	false },
	{ "enable",		cmd_enable,		true },
	{ "disable",		cmd_enable,		true },
	{ "force",		cmd_force,		true },
	{ "block",		cmd_block,		true },
	{ "unblock",		cmd_unblock,		true },
	{ "complete",		cmd_complete,		true },
	{ "call",		cmd_call,		true },
	{ "call-void",		cmd_call,		true },
	{ "which",		cmd_which,		false },
	{ "cat",		cmd_cat,		false },
	{ "knob",		cmd_knob,		false },
	{ "shadow",		cmd_shadow,		false },
	{ "leaks",		cmd_leaks,		false },
	{ "tasks",		cmd_tasks,		false },
	{ "wait",		cmd_wait,		false },
	{ "notrace",		cmd_notrace,		false },
	{ "set",		cmd_set,		false },
	{ "expect-errno",	cmd_expect_errno,	false },
	{ "expect-enabled",	cmd_expect_attr,	false },
	{ "expect-patched",	cmd_expect_attr,	false },
	{ "expect-call",	cmd_expect_call,	false },
	{ "expect-shadow",	cmd_expect_shadow,	false },
	{ "expect-knob",	cmd_expect_knob,	false },
};

/* ------------------------------------------------------------------------
 * Running commands
 */

static void fault_handler(int sig, siginfo_t *info, void *ucontext)
{
	uintptr_t addr = (uintptr_t)info->si_addr;

	(void)ucontext;
	if (!klp_sim_oops_env) {
		/* Not inside a command: nothing to unwind to. */
		klp_sim_flush();
		_exit(3);
	}
	if (sig == SIGFPE)
		klp_sim_line("Oops: divide error");
	else if (addr < 4096)
		klp_sim_line("BUG: kernel NULL pointer dereference, address: 0x%lx",
			      (unsigned long)addr);
	else
		klp_sim_line("BUG: unable to handle page fault for address: %p",
			      info->si_addr);
	klp_sim_reset_context();
	siglongjmp(sim_env, 1);
}

static void install_fault_handler(void)
{
	static char stack[64 * 1024];
	stack_t ss = { .ss_sp = stack, .ss_size = sizeof(stack) };
	struct sigaction sa;

	sigaltstack(&ss, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fault_handler;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGFPE, &sa, NULL);
}

/* Run @fn under the oops recovery point; false if it oopsed. */
static bool protected_run(const struct sim_command *cmd, int argc, char **argv,
			  int *ret)
{
	klp_sim_oops_env = &sim_env;
	if (sigsetjmp(sim_env, 1)) {
		/* The oops may have hit a call or work of another task. */
		klp_sim_set_current(klp_sim_main_task);
		klp_sim_sched_oops();
		klp_sim_oops_env = NULL;
		return false;
	}
	*ret = cmd ? cmd->fn(argc, argv) : 0;
	if (!cmd || cmd->ticks)
		klp_sim_let_time_pass(1000);
	klp_sim_oops_env = NULL;
	return true;
}

/*
 * Split @line into words in place.  Blanks separate words; '...' and
 * "..." quote blanks, as the shell does.
 */
static int split_words(char *line, char **argv)
{
	char *in = line, *out = line;
	int argc = 0;

	for (;;) {
		char quote = 0;

		while (*in == ' ' || *in == '\t')
			in++;
		if (!*in)
			break;
		if (argc == MAX_ARGS)
			scenario_error("too many words");
		argv[argc++] = out;
		while (*in && (quote || (*in != ' ' && *in != '\t'))) {
			if (!quote && (*in == '\'' || *in == '"')) {
				quote = *in++;
				continue;
			}
			if (quote && *in == quote) {
				quote = 0;
				in++;
				continue;
			}
			*out++ = *in++;
		}
		if (quote)
			scenario_error("unterminated quote");
		if (*in)
			in++;
		*out++ = '\0';
	}
	argv[argc] = NULL;
	return argc;
}

/* "echo <value> > <file>": a write, not text to print. */
static bool is_redirected_echo(const char *line)
{
	const char *gt = strstr(line, " > ");

	return gt && !strchr(gt + 3, ' ') && strchr(gt + 3, '/') &&
	       strncmp(gt + 3, "/dev/kmsg", 9);
}

/*
 * "echo <text> > /dev/kmsg": the selftests' log() (functions.sh), which
 * start_test() uses to mark where each test begins; the text, unquoted,
 * becomes a kernel message, in kmsg-only mode too.
 */
static bool echo_to_kmsg(char *line)
{
	static const char suffix[] = " > /dev/kmsg";
	size_t len = strlen(line), slen = strlen(suffix);
	char *argv[MAX_ARGS + 1], msg[4096] = "";
	int argc;

	if (len < 4 + slen || strcmp(line + len - slen, suffix))
		return false;
	line[len - slen] = '\0';
	argc = split_words(line, argv);
	for (int i = 1; i < argc; i++)
		snprintf(msg + strlen(msg), sizeof(msg) - strlen(msg), "%s%s",
			 i > 1 ? " " : "", argv[i]);
	klp_sim_line("%s", msg);
	return true;
}

/*
 * With kmsg-only on, the command lines that the selftests' functions.sh
 * logs to the kernel log appear as they do there; all others stay out.
 */
static bool logged_command(char **argv, int argc)
{
	if (!strcmp(argv[0], "insmod") || !strcmp(argv[0], "rmmod"))
		return true;
	if (!strcmp(argv[0], "echo") && argc == 4)
		return true;
	return !strcmp(argv[0], "cat") && argc == 2 &&
	       !strncmp(argv[1], SYSFS_MODULE_DIR, strlen(SYSFS_MODULE_DIR));
}

static void run_line(char *line)
{
	const struct sim_command *cmd = NULL;
	char *argv[MAX_ARGS + 1];
	char *p, *text, copy[4096];
	int argc = 0, ret = 0;

	line[strcspn(line, "\r\n")] = '\0';
	while (*line == ' ' || *line == '\t')
		line++;
	p = line + strlen(line);
	while (p > line && (p[-1] == ' ' || p[-1] == '\t'))
		*--p = '\0';
	if (!*line || *line == '#')
		return;

	if (!strncmp(line, "echo", 4) && (!line[4] || line[4] == ' ') &&
	    !is_redirected_echo(line)) {
		if (echo_to_kmsg(line))
			return;
		text = line + 4;
		while (*text == ' ')
			text++;
		klp_sim_event("%s", text);
		return;
	}

	snprintf(copy, sizeof(copy), "%s", line);
	argc = split_words(line, argv);

	for (size_t i = 0; i < ARRAY_SIZE(sim_commands); i++)
		if (!strcmp(sim_commands[i].name, argv[0]))
			cmd = &sim_commands[i];
	if (!cmd)
		scenario_error("unknown command '%s'", argv[0]);

	if (klp_sim_kmsg_only && logged_command(argv, argc))
		klp_sim_line("%% %s", copy);
	else
		klp_sim_event("%% %s", copy);

	if (!protected_run(cmd, argc, argv, &ret)) {
		klp_sim_event("→ Oops");
		/* Time still passes for the rest of the system. */
		protected_run(NULL, 0, NULL, &ret);
		ret = -EFAULT;
	} else {
		print_result(ret);
	}
	if (strncmp(argv[0], "expect-", 7))
		sim_last_ret = ret;
	if (sim_leaks_after_each && strcmp(argv[0], "leaks"))
		report_leaks();
}

static void run_file(FILE *f)
{
	char line[4096];

	while (fgets(line, sizeof(line), f)) {
		sim_line++;
		run_line(line);
	}
}

/* The legacy build (generation A) is klp-sim-a. */
#ifdef CONFIG_KLP_GENERATION_A
#define KLP_SIM_NAME	"klp-sim-a"
#define KLP_SIM_INDENT	"                 "
#else
#define KLP_SIM_NAME	"klp-sim"
#define KLP_SIM_INDENT	"               "
#endif

static void __noreturn usage(int status)
{
	fprintf(status ? stderr : stdout,
		"usage: " KLP_SIM_NAME " [-L <dir>]... [--no-phantom-vmlinux] [--leaks-after-each]\n"
		KLP_SIM_INDENT "[-e <command>]... [<scenario> | -]\n");
	exit(status);
}

int main(int argc, char **argv)
{
	const char *commands[64];
	const char *script = NULL;
	int nr_commands = 0;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-L") && i + 1 < argc) {
			if (sim_nr_libdirs == MAX_LIBDIRS)
				usage(2);
			sim_libdirs[sim_nr_libdirs++] = argv[++i];
		} else if (!strcmp(argv[i], "-e") && i + 1 < argc) {
			if (nr_commands == (int)ARRAY_SIZE(commands))
				usage(2);
			commands[nr_commands++] = argv[++i];
		} else if (!strcmp(argv[i], "--no-phantom-vmlinux")) {
			klp_sim_phantom_vmlinux = false;
		} else if (!strcmp(argv[i], "--leaks-after-each")) {
			sim_leaks_after_each = true;
		} else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(0);
		} else if (!script && (argv[i][0] != '-' || !strcmp(argv[i], "-"))) {
			script = argv[i];
		} else {
			usage(2);
		}
	}

	setvbuf(stdout, NULL, _IOLBF, 0);
	install_fault_handler();

	for (int i = 0; i < nr_commands; i++) {
		char line[4096];

		sim_line = i + 1;
		snprintf(line, sizeof(line), "%s", commands[i]);
		run_line(line);
	}

	if (script) {
		FILE *f = stdin;

		if (strcmp(script, "-")) {
			const char *slash = strrchr(script, '/');

			f = fopen(script, "r");
			if (!f) {
				fprintf(stderr, "klp-sim: cannot open %s: %s\n",
					script, strerror(errno));
				return 2;
			}
			if (slash)
				snprintf(sim_script_dir, sizeof(sim_script_dir),
					 "%.*s", (int)(slash - script), script);
		}
		sim_file = script;
		sim_line = 0;
		run_file(f);
		if (f != stdin)
			fclose(f);
	}

	/*
	 * The end: everything still live is reported.  With kmsg-only on,
	 * only what is left is printed, so that a clean run ends with the
	 * kernel's last message.
	 */
	if (klp_sim_kmsg_only) {
		klp_sim_kmsg_only = false;
		sim_quiet_clean_report = true;
		report_leaks();
	} else {
		char line[] = "leaks";

		run_line(line);
	}
	klp_sim_flush();
	return sim_failures ? 1 : 0;
}
