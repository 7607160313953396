// A kbuild command line as gcc and sparse see it: gcc-only flags clang
// rejects, the dependency file kbuild's fixdep consumes, sparse's CHECKFLAGS
// (--arch, -D__STDC__, -Wbitwise ...), -Werror and -D__CHECKER__. klp-lint
// must drop them, never write the .d file, never define __CHECKER__, and
// still analyze the file.
// RUN: rm -f %t.d
// RUN: %klp-lint %s -- %api-c -Wp,-MMD,%t.d -MD -MF %t.d -MT x.o \
// RUN:   -D__linux__ -Dlinux -D__STDC__ -Dunix -D__unix__ -Wbitwise \
// RUN:   -Wno-return-void -Wno-unknown-attribute --arch=x86 -mlittle-endian -m64 \
// RUN:   -D__CHECKER__ -fconserve-stack -mindirect-branch=thunk-extern \
// RUN:   -mindirect-branch-register -fno-allow-store-data-races \
// RUN:   -mpreferred-stack-boundary=3 -mrecord-mcount -fno-ipa-sra \
// RUN:   -fmin-function-alignment=16 -fplugin=scripts/gcc-plugins/x.so \
// RUN:   -fplugin-arg-x-y --param=allow-store-data-races=0 \
// RUN:   -fdiagnostic-prefix -fmax-warnings=unlimited -fmax-errors=unlimited \
// RUN:   -Werror -Werror=designated-init -Wimplicit-fallthrough=5 \
// RUN:   -falign-jumps=1 -Wno-maybe-uninitialized -fsanitize=bounds-strict \
// RUN:   -DKBUILD_MODNAME='"adjust"' 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: not test -e %t.d

#ifdef __CHECKER__
#error "__CHECKER__ must never be defined: kernel headers switch to sparse attributes"
#endif
#ifndef __x86_64__
#error "--arch=x86 -m64 selects the x86_64 target"
#endif

#include <linux/livepatch.h>
#include <linux/module.h>

static int setup(struct klp_patch *patch, struct klp_state *state)
{
	return 0;
}

static struct klp_func funcs[] = { { .old_name = "f" }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };
static struct klp_state states[] = {
	// CHECK: adjust-kbuild-flags.c:[[@LINE+1]]:2: warning: state 1 has a pre_patch callback
	{ .id = 1, .callbacks = { .pre_patch = setup } },
	{ }
};
static struct klp_patch patch = { .mod = THIS_MODULE, .objs = objs, .states = states };
// SPDX-License-Identifier: GPL-2.0-only
