// Sleeping calls hidden in macros, and the SleepingFunctions option (spec
// docs/semantics.md#rule-shadow-ctor-dtor-sleeps). flush_dtor waits with wait_event(), a
// macro: the finding names the macro the author wrote, once, not the
// might_sleep() inside it. slow_ctor calls msleep() through SETTLE(), a
// macro of the module. log_dtor calls vendor_flush_log(), a function of
// another module that may sleep: the default list does not know it, so it is
// reported only when SleepingFunctions names it (prefix opt; setting the
// option replaces the list, so only that name counts then).
// RUN: %klp-lint --checks=-*,shadow-ctor-dtor-sleeps %s -- %api-c -Xclang -verify=klp
// RUN: %klp-lint --checks=-*,shadow-ctor-dtor-sleeps --check-option=shadow-ctor-dtor-sleeps.SleepingFunctions=vendor_flush_log %s -- %api-c -Xclang -verify=opt
// PROOF: call open_flush(&klp_sim_knobs)

#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/wait.h>

#define SV_FLUSH 0x90
#define SV_LOG 0x91

#define SETTLE() msleep(2)

/* Weak: the proof of findings loads the module without that other one. */
void vendor_flush_log(void *obj) __attribute__((weak));

static DECLARE_WAIT_QUEUE_HEAD(flush_wq);
static int flush_done = 1;

static int slow_ctor(void *obj, void *shadow_data, void *ctor_data)
{
	SETTLE(); // klp-error {{shadow constructor 'slow_ctor' may sleep: it calls msleep()}}
	return 0;
}

static void flush_dtor(void *obj, void *shadow_data)
{
	wait_event(flush_wq, flush_done); // klp-error {{shadow destructor 'flush_dtor' may sleep: it calls wait_event()}}
}

static void log_dtor(void *obj, void *shadow_data)
{
	vendor_flush_log(obj); // opt-error {{shadow destructor 'log_dtor' may sleep: it calls vendor_flush_log()}}
}

static int open_flush(void *obj)
{
	return klp_shadow_get_or_alloc(obj, SV_FLUSH, 8, GFP_ATOMIC, slow_ctor, NULL) ? 0 : -ENOMEM; // klp-note {{'slow_ctor' is passed as the constructor to klp_shadow_get_or_alloc() here}}
}

static struct klp_func funcs[] = { { .old_name = "open_flush", .new_func = open_flush }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_FLUSH, .is_shadow = true, .callbacks = { .shadow_dtor = flush_dtor } }, // klp-note {{'flush_dtor' is the shadow_dtor of state 'SV_FLUSH' (144) here}}
	{ .id = SV_LOG, .is_shadow = true, .callbacks = { .shadow_dtor = log_dtor } }, // opt-note {{'log_dtor' is the shadow_dtor of state 'SV_LOG' (145) here}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
