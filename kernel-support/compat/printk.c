// SPDX-License-Identifier: GPL-2.0-only
/*
 * printk() and the transcript.
 *
 * Every kernel message and every harness event becomes one line of the
 * transcript, in the order it happened.  Levels are dropped, as in the
 * kernel selftests' dmesg comparison.  Lines are flushed at once, so a
 * crash or a sanitizer report never reorders or swallows what came before.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <linux/err.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/printk.h>

#include "compat.h"

/* CONSOLE_LOGLEVEL_DEFAULT and friends, as a kernel boots with them. */
int console_printk[4] = { 7, 4, 1, 7 };

static FILE *klp_out;

/* A message without a newline stays pending until the line is complete. */
static char klp_line[4096];
static size_t klp_line_len;

void klp_sim_set_output(FILE *out)
{
	klp_sim_flush();
	klp_out = out;
}

static FILE *out_stream(void)
{
	return klp_out ? klp_out : stdout;
}

static void emit_line(const char *text, size_t len)
{
	FILE *out = out_stream();

	fwrite(text, 1, len, out);
	fputc('\n', out);
	fflush(out);
}

void klp_sim_flush(void)
{
	if (!klp_line_len)
		return;
	emit_line(klp_line, klp_line_len);
	klp_line_len = 0;
}

/* Append @text to the pending line and emit every completed line. */
static void add_text(const char *text)
{
	const char *nl;

	while ((nl = strchr(text, '\n'))) {
		size_t n = nl - text;

		if (n > sizeof(klp_line) - 1 - klp_line_len)
			n = sizeof(klp_line) - 1 - klp_line_len;
		memcpy(klp_line + klp_line_len, text, n);
		emit_line(klp_line, klp_line_len + n);
		klp_line_len = 0;
		text = nl + 1;
	}
	while (*text && klp_line_len < sizeof(klp_line) - 1)
		klp_line[klp_line_len++] = *text++;
}

int klp_vprintk(const char *fmt, va_list args)
{
	char buf[4096];
	char level = 0;
	int len;

	/* Any number of level prefixes may lead; the last one counts. */
	while (fmt[0] == KERN_SOH_ASCII && fmt[1]) {
		level = fmt[1];
		fmt += 2;
	}

	len = klp_sim_vformat(buf, sizeof(buf), fmt, args);

	/* Only KERN_CONT continues a line; anything else starts a new one. */
	if (level != 'c')
		klp_sim_flush();
	add_text(buf);
	return len;
}

int klp_printk(const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = klp_vprintk(fmt, args);
	va_end(args);
	return len;
}

bool klp_sim_kmsg_only;

void klp_sim_event(const char *fmt, ...)
{
	char buf[4096];
	va_list args;

	if (klp_sim_kmsg_only)
		return;
	va_start(args, fmt);
	klp_sim_vformat(buf, sizeof(buf), fmt, args);
	va_end(args);

	klp_sim_flush();
	add_text(buf);
	klp_sim_flush();
}

void klp_sim_line(const char *fmt, ...)
{
	char buf[4096];
	va_list args;

	va_start(args, fmt);
	klp_sim_vformat(buf, sizeof(buf), fmt, args);
	va_end(args);

	klp_sim_flush();
	add_text(buf);
	klp_sim_flush();
}

/* ------------------------------------------------------------------------
 * The formatter
 */

struct fmt_out {
	char *buf;
	size_t size;
	size_t len;	/* would-be length, as vsnprintf() counts */
};

static void out_str(struct fmt_out *o, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++, o->len++)
		if (o->len + 1 < o->size)
			o->buf[o->len] = s[i];
}

/* %p and its kernel extensions (%pS, %pK, %pe, ...). */
/*
 * The names %pGg prints for a gfp_t, in the kernel's order: compound
 * masks first, so that GFP_KERNEL prints as one name, then single bits.
 */
static const struct {
	gfp_t mask;
	const char *name;
} klp_gfp_names[] = {
	{ GFP_USER,		"GFP_USER" },
	{ GFP_KERNEL_ACCOUNT,	"GFP_KERNEL_ACCOUNT" },
	{ GFP_KERNEL,		"GFP_KERNEL" },
	{ GFP_NOFS,		"GFP_NOFS" },
	{ GFP_ATOMIC,		"GFP_ATOMIC" },
	{ GFP_NOIO,		"GFP_NOIO" },
	{ GFP_NOWAIT,		"GFP_NOWAIT" },
	{ __GFP_HIGH,		"__GFP_HIGH" },
	{ __GFP_IO,		"__GFP_IO" },
	{ __GFP_FS,		"__GFP_FS" },
	{ __GFP_ZERO,		"__GFP_ZERO" },
	{ __GFP_NOWARN,		"__GFP_NOWARN" },
	{ __GFP_RETRY_MAYFAIL,	"__GFP_RETRY_MAYFAIL" },
	{ __GFP_NOFAIL,		"__GFP_NOFAIL" },
	{ __GFP_NORETRY,	"__GFP_NORETRY" },
	{ __GFP_HARDWALL,	"__GFP_HARDWALL" },
	{ __GFP_ACCOUNT,	"__GFP_ACCOUNT" },
	{ __GFP_DIRECT_RECLAIM,	"__GFP_DIRECT_RECLAIM" },
	{ __GFP_KSWAPD_RECLAIM,	"__GFP_KSWAPD_RECLAIM" },
};

/* %pGg: the flags at @ptr by name, '|'-separated, the rest in hex. */
static void out_gfp_flags(struct fmt_out *o, const gfp_t *ptr)
{
	gfp_t flags = *ptr;
	char num[32];

	for (size_t i = 0; flags && i < ARRAY_SIZE(klp_gfp_names); i++) {
		gfp_t mask = klp_gfp_names[i].mask;

		if ((flags & mask) != mask)
			continue;
		out_str(o, klp_gfp_names[i].name,
			strlen(klp_gfp_names[i].name));
		flags &= ~mask;
		if (flags)
			out_str(o, "|", 1);
	}
	if (flags) {
		snprintf(num, sizeof(num), "%#x", (unsigned int)flags);
		out_str(o, num, strlen(num));
	}
}

static void out_pointer(struct fmt_out *o, const void *ptr, const char *ext)
{
	char desc[KLP_SIM_DESC_LEN];

	if (ext[0] == 'G' && ext[1] == 'g' && ptr) {
		out_gfp_flags(o, ptr);
		return;
	}

	if (ext[0] == 'e' && IS_ERR(ptr)) {
		const char *name = klp_sim_errname((int)PTR_ERR(ptr));

		if (name) {
			out_str(o, "-", 1);
			out_str(o, name, strlen(name));
			return;
		}
	}
	klp_sim_describe(ptr, desc, sizeof(desc));
	out_str(o, desc, strlen(desc));
}

enum fmt_len {
	LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_T, LEN_J, LEN_BIG_L
};

/*
 * Walk the format one conversion at a time.  Each conversion other than %p
 * is handed to snprintf() on its own, with '*' widths already substituted,
 * so that its output is exactly the C library's.
 */
int klp_sim_vformat(char *buf, size_t size, const char *fmt, va_list args)
{
	struct fmt_out o = { .buf = buf, .size = size, .len = 0 };
	va_list ap;

	va_copy(ap, args);
	while (*fmt) {
		char spec[64], tmp[512], ext[16];
		const char *start;
		enum fmt_len len = LEN_NONE;
		size_t sl = 0, el = 0;
		char conv;
		int n = 0;

		if (*fmt != '%') {
			out_str(&o, fmt++, 1);
			continue;
		}
		start = fmt++;
		if (*fmt == '%') {
			out_str(&o, "%", 1);
			fmt++;
			continue;
		}

		spec[sl++] = '%';
		while (*fmt && strchr("-+ #0", *fmt) && sl < 8)
			spec[sl++] = *fmt++;
		if (*fmt == '*') {
			sl += snprintf(spec + sl, sizeof(spec) - sl, "%d",
				       va_arg(ap, int));
			fmt++;
		} else {
			while (isdigit((unsigned char)*fmt) && sl < 24)
				spec[sl++] = *fmt++;
		}
		if (*fmt == '.') {
			spec[sl++] = *fmt++;
			if (*fmt == '*') {
				sl += snprintf(spec + sl, sizeof(spec) - sl,
					       "%d", va_arg(ap, int));
				fmt++;
			} else {
				while (isdigit((unsigned char)*fmt) && sl < 40)
					spec[sl++] = *fmt++;
			}
		}
		switch (*fmt) {
		case 'h':
			len = fmt[1] == 'h' ? LEN_HH : LEN_H;
			break;
		case 'l':
			len = fmt[1] == 'l' ? LEN_LL : LEN_L;
			break;
		case 'q':
			len = LEN_LL;
			break;
		case 'z':
			len = LEN_Z;
			break;
		case 't':
			len = LEN_T;
			break;
		case 'j':
			len = LEN_J;
			break;
		case 'L':
			len = LEN_BIG_L;
			break;
		}
		if (len != LEN_NONE) {
			int width = (len == LEN_HH || len == LEN_LL) &&
				    *fmt != 'q' ? 2 : 1;

			while (width--)
				spec[sl++] = *fmt++;
		}
		conv = *fmt;
		if (!conv) {
			/* A lone '%' at the end: print it as written. */
			out_str(&o, start, strlen(start));
			break;
		}
		fmt++;
		spec[sl++] = conv;
		spec[sl] = '\0';

		switch (conv) {
		case 'd':
		case 'i':
			if (len == LEN_L)
				n = snprintf(tmp, sizeof(tmp), spec,
					     va_arg(ap, long));
			else if (len == LEN_LL)
				n = snprintf(tmp, sizeof(tmp), spec,
					     va_arg(ap, long long));
			else if (len == LEN_Z || len == LEN_T)
				n = snprintf(tmp, sizeof(tmp), spec,
					     va_arg(ap, ptrdiff_t));
			else if (len == LEN_J)
				n = snprintf(tmp, sizeof(tmp), spec,
					     va_arg(ap, intmax_t));
			else
				n = snprintf(tmp, sizeof(tmp), spec,
					     va_arg(ap, int));
			break;
		case 'u':
		case 'o':
		case 'x':
		case 'X':
			if (len == LEN_L)
				n = snprintf(tmp, sizeof(tmp), spec,
					     va_arg(ap, unsigned long));
			else if (len == LEN_LL)
				n = snprintf(tmp, sizeof(tmp), spec,
					     va_arg(ap, unsigned long long));
			else if (len == LEN_Z || len == LEN_T)
				n = snprintf(tmp, sizeof(tmp), spec,
					     va_arg(ap, size_t));
			else if (len == LEN_J)
				n = snprintf(tmp, sizeof(tmp), spec,
					     va_arg(ap, uintmax_t));
			else
				n = snprintf(tmp, sizeof(tmp), spec,
					     va_arg(ap, unsigned int));
			break;
		case 'c':
			n = snprintf(tmp, sizeof(tmp), spec, va_arg(ap, int));
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);

			n = snprintf(tmp, sizeof(tmp), spec, s ? s : "(null)");
			break;
		}
		case 'e':
		case 'E':
		case 'f':
		case 'F':
		case 'g':
		case 'G':
		case 'a':
		case 'A':
			if (len == LEN_BIG_L)
				n = snprintf(tmp, sizeof(tmp), spec,
					     va_arg(ap, long double));
			else
				n = snprintf(tmp, sizeof(tmp), spec,
					     va_arg(ap, double));
			break;
		case 'p': {
			const void *ptr = va_arg(ap, const void *);

			/* The kernel reads every alphanumeric after %p. */
			while (isalnum((unsigned char)*fmt)) {
				if (el < sizeof(ext) - 1)
					ext[el++] = *fmt;
				fmt++;
			}
			ext[el] = '\0';
			out_pointer(&o, ptr, ext);
			continue;
		}
		case 'n':
			(void)va_arg(ap, void *);
			continue;
		default:
			/* Unknown conversion: print it as written. */
			out_str(&o, start, fmt - start);
			continue;
		}
		if (n > 0)
			out_str(&o, tmp, (size_t)n < sizeof(tmp) ?
					 (size_t)n : sizeof(tmp) - 1);
	}
	va_end(ap);

	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

/* ------------------------------------------------------------------------
 * errno names
 */

#define ERRNAME(e)	{ e, #e }
static const struct {
	int err;
	const char *name;
} klp_errnames[] = {
	ERRNAME(EPERM), ERRNAME(ENOENT), ERRNAME(ESRCH), ERRNAME(EINTR),
	ERRNAME(EIO), ERRNAME(ENXIO), ERRNAME(E2BIG), ERRNAME(ENOEXEC),
	ERRNAME(EBADF), ERRNAME(ECHILD), ERRNAME(EAGAIN), ERRNAME(ENOMEM),
	ERRNAME(EACCES), ERRNAME(EFAULT), ERRNAME(ENOTBLK), ERRNAME(EBUSY),
	ERRNAME(EEXIST), ERRNAME(EXDEV), ERRNAME(ENODEV), ERRNAME(ENOTDIR),
	ERRNAME(EISDIR), ERRNAME(EINVAL), ERRNAME(ENFILE), ERRNAME(EMFILE),
	ERRNAME(ENOTTY), ERRNAME(ETXTBSY), ERRNAME(EFBIG), ERRNAME(ENOSPC),
	ERRNAME(ESPIPE), ERRNAME(EROFS), ERRNAME(EMLINK), ERRNAME(EPIPE),
	ERRNAME(EDOM), ERRNAME(ERANGE), ERRNAME(EDEADLK),
	ERRNAME(ENAMETOOLONG), ERRNAME(ENOLCK), ERRNAME(ENOSYS),
	ERRNAME(ENOTEMPTY), ERRNAME(ELOOP), ERRNAME(ENOMSG), ERRNAME(EIDRM),
	ERRNAME(ENODATA), ERRNAME(ETIME), ERRNAME(ENOPKG), ERRNAME(ENOLINK),
	ERRNAME(EPROTO), ERRNAME(EBADMSG), ERRNAME(EOVERFLOW),
	ERRNAME(EILSEQ), ERRNAME(EOPNOTSUPP), ERRNAME(EADDRINUSE),
	ERRNAME(EADDRNOTAVAIL), ERRNAME(ENOBUFS), ERRNAME(ETIMEDOUT),
	ERRNAME(EALREADY), ERRNAME(EINPROGRESS), ERRNAME(ESTALE),
	ERRNAME(EREMOTEIO), ERRNAME(ECANCELED), ERRNAME(EOWNERDEAD),
	ERRNAME(ENOTRECOVERABLE), ERRNAME(EHWPOISON), ERRNAME(ERESTARTSYS),
	ERRNAME(ERESTARTNOINTR), ERRNAME(ERESTARTNOHAND),
	ERRNAME(ENOIOCTLCMD), ERRNAME(EPROBE_DEFER), ERRNAME(ENOTSUPP),
};

const char *klp_sim_errname(int err)
{
	if (err < 0)
		err = -err;
	for (size_t i = 0; i < ARRAY_SIZE(klp_errnames); i++)
		if (klp_errnames[i].err == err)
			return klp_errnames[i].name;
	return NULL;
}

int klp_sim_errno_value(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(klp_errnames); i++)
		if (!strcmp(klp_errnames[i].name, name))
			return klp_errnames[i].err;
	return 0;
}
