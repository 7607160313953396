// callbacks-pre-patch-no-rollback: memory. table_pre_patch() allocates a
// table and fails when the second allocation fails, but forgets the first
// one; buffer_pre_patch() gets it right: its error label frees what was
// allocated, so it stays silent. When the battery runs the table's size is
// 0, which fails the enable in table_pre_patch(), the first state's, and
// the reference core's leak report lists the table as allocated by a
// module that is gone.
// RUN: %klp-lint --checks=-*,callbacks-pre-patch-no-rollback %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/slab.h>

#define TABLE_STATE 11
#define BUFFER_STATE 12

static unsigned int table_size;
static int *table, *lookup;
static char *buffer;

static int table_pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	int *t, *i;

	t = kcalloc(16, sizeof(*t), GFP_KERNEL); // klp-note {{kcalloc() is here}}
	if (!t)
		return -ENOMEM;
	i = kmalloc_array(table_size, sizeof(*i), GFP_KERNEL);
	if (!i || !table_size)
		return -ENOMEM; // klp-warning {{state 'TABLE_STATE' (11): pre_patch callback 'table_pre_patch' returns an error here without undoing kcalloc() (line 25)}}
	table = t;
	lookup = i;
	return 0;
}

static int buffer_pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	char *b;
	int ret;

	b = kzalloc(64, GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	ret = table_size ? 0 : -EINVAL;
	if (ret)
		goto free_buffer;
	buffer = b;
	return 0;

free_buffer:
	kfree(b);
	return ret;
}

static void tables_post_unpatch(struct klp_patch *patch, struct klp_state *state)
{
	kfree(table);
	kfree(lookup);
	kfree(buffer);
}

static struct klp_func funcs[] = { { .old_name = "cmdline_proc_show" }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };

static struct klp_state states[] = {
	{ .id = TABLE_STATE, .callbacks = { .pre_patch = table_pre_patch, .post_unpatch = tables_post_unpatch } },
	{ .id = BUFFER_STATE, .callbacks = { .pre_patch = buffer_pre_patch, .post_unpatch = tables_post_unpatch } },
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
// SPDX-License-Identifier: GPL-2.0-only
