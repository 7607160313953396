// Generation B (POC) spellings: the state's setup and release may sleep
// (state callbacks), its shadow_dtor may not: the core runs it under
// klp_shadow_lock when it frees the state's variables, as C's (docs/semantics.md#rules-shadow
// shadow-ctor-dtor-sleeps; docs/semantics.md#role-mapping: B spellings map to the C roles). The
// destructor takes a semaphore with down(), which may sleep.
// RUN: %klp-lint --checks=-*,shadow-ctor-dtor-sleeps %s -- %api-b -Xclang -verify=klp

#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/semaphore.h>

#define SV_SEM 0xc0

static DEFINE_SEMAPHORE(sem_gate, 1);

static void sem_dtor(void *obj, void *shadow_data)
{
	down(&sem_gate); // klp-error {{shadow destructor 'sem_dtor' may sleep: it calls down()}}
	up(&sem_gate);
}

static int sem_setup(struct klp_patch *patch, struct klp_state *state)
{
	msleep(1);
	return 0;
}

static void sem_release(struct klp_patch *patch, struct klp_state *state)
{
	msleep(1);
}

static int track_sem(void *obj)
{
	return klp_shadow_get_or_alloc(obj, SV_SEM, 8, GFP_ATOMIC, NULL, NULL) ? 0 : -ENOMEM;
}

static struct klp_func funcs[] = { { .old_name = "track_sem", .new_func = track_sem }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };

static struct klp_state states[] = {
	{ .id = SV_SEM, .is_shadow = true,
	  .callbacks = { .setup = sem_setup, .release = sem_release, .shadow_dtor = sem_dtor } }, // klp-note {{'sem_dtor' is the shadow_dtor of state 'SV_SEM' (192) here}}
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
