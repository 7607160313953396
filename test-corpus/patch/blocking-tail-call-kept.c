// patch-blocking-tail-call, silent: everything that keeps the last call a
// call. The v1 attribute written through a macro of the module's own;
// clang's disable_tail_calls; optimize("O0"); a local whose address the
// call takes (the frame must stay); a callee that never returns; a last
// statement that is no call (the result used in arithmetic, a loop). The
// second RUN line compiles the file with -fno-optimize-sibling-calls, as
// klp-sim's modules are: then not even the unmarked blocker is reported.
// RUN: %klp-lint --checks=-*,patch-blocking-tail-call --check-option=patch-blocking-tail-call.BlockerFunctions=by_macro,by_clang,by_o0,by_local,by_noreturn,by_arith,by_loop %s -- %api-c -Wno-unknown-attributes -Xclang -verify=klp
// RUN: %klp-lint --checks=-*,patch-blocking-tail-call --check-option=patch-blocking-tail-call.BlockerFunctions=unmarked %s -- %api-c -Wno-unknown-attributes -fno-optimize-sibling-calls 2>&1 | count 0
// klp-no-diagnostics

#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kernel.h>
#include <linux/module.h>

#define __keep_frame __attribute__((__optimize__("no-optimize-sibling-calls")))

static DECLARE_COMPLETION(done);
static bool stop;

void __noreturn do_halt(void);

static noinline __keep_frame void by_macro(void)
{
	wait_for_completion(&done);
}

static noinline __attribute__((disable_tail_calls)) void by_clang(void)
{
	wait_for_completion(&done);
}

static noinline __attribute__((optimize("O0"))) void by_o0(void)
{
	wait_for_completion(&done);
}

static noinline void by_local(void)
{
	struct completion mine;

	init_completion(&mine);
	wait_for_completion(&mine);
}

static noinline void by_noreturn(void)
{
	do_halt();
}

static noinline int by_arith(void)
{
	return 1 + wait_for_completion_interruptible(&done);
}

static noinline void by_loop(void)
{
	while (!READ_ONCE(stop))
		msleep(20);
}

static noinline void unmarked(void)
{
	wait_for_completion(&done);
}
// SPDX-License-Identifier: GPL-2.0-only
