// callbacks-module-local-init through a helper: the state's pre_patch
// fills a lookup table of the module in a function it calls, and the
// replacement function indexes the table. After a hand-over the new
// module's table is all zero. The table's size, read by the replacement
// too, is a constant the compiler set and nothing writes.
// RUN: %klp-lint --checks=-*,callbacks-module-local-init %s -- %api-c -Xclang -verify=klp

#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

#define TABLE_STATE 91
#define TABLE_SIZE 4

static const int table_size = TABLE_SIZE;
static int table[TABLE_SIZE];

static void fill_table(void)
{
	int i;

	for (i = 0; i < table_size; i++)
		table[i] = 10 * (i + 1); // klp-warning {{the pre_patch callback 'table_pre_patch' of state 'TABLE_STATE' (91) sets 'table' (in 'fill_table'), which 'livepatch_cmdline_proc_show' reads}}
}

static int livepatch_cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_printf(m, "table[1] = %d of %d\n", table[1], table_size); // klp-note {{'livepatch_cmdline_proc_show' reads 'table' here}}
	return 0;
}

static int table_pre_patch(struct klp_patch *patch, struct klp_state *state)
{
	fill_table();
	return 0;
}

static void table_post_unpatch(struct klp_patch *patch, struct klp_state *state)
{
}

static struct klp_func funcs[] = {
	{ .old_name = "cmdline_proc_show", .new_func = livepatch_cmdline_proc_show }, { }
};
static struct klp_object objs[] = { { .funcs = funcs }, { } };

static struct klp_state states[] = {
	{ .id = TABLE_STATE, .callbacks = { .pre_patch = table_pre_patch, .post_unpatch = table_post_unpatch } },
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};

// PROOF: show table in /proc/cmdline
// SPDX-License-Identifier: GPL-2.0-only
