/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the loader reads from a module's ELF file before it maps it: the
 * symbol table (kallsyms), .modinfo and evidence of per-object callbacks.
 */
#ifndef _KLP_COMPAT_MODFILE_H
#define _KLP_COMPAT_MODFILE_H

#include <stddef.h>
#include <stdint.h>

#include <linux/types.h>

/**
 * struct klp_sim_sym - one function or data symbol
 * @name:	symbol name
 * @addr:	run-time address once the image is mapped
 * @size:	st_size; 0 when unknown
 */
struct klp_sim_sym {
	char *name;
	uintptr_t addr;
	unsigned long size;
};

/**
 * struct klp_sim_elf - the parts of an ELF file the model uses
 * @syms:	symbols sorted by address
 * @nr_syms:	number of @syms
 * @livepatch:	.modinfo has "livepatch=Y"
 * @has_this_module: __this_module is defined (a generated .mod.c was linked)
 * @evidence:	per-object callback sections and symbols, one string each
 * @nr_evidence: number of @evidence
 * @vermagic:	.modinfo's "vermagic=" value (the API generation the
 *		module was built for), or "" if it has none
 * @params:	address of the "__param" section (module parameters)
 * @params_size: its size in bytes
 */
struct klp_sim_elf {
	struct klp_sim_sym *syms;
	size_t nr_syms;
	bool livepatch;
	bool has_this_module;
	char **evidence;
	size_t nr_evidence;
	char vermagic[64];
	uintptr_t params;
	size_t params_size;
};

/* Read @path; symbol addresses are file offsets until relocated. */
int klp_sim_elf_read(const char *path, struct klp_sim_elf *elf);
void klp_sim_elf_relocate(struct klp_sim_elf *elf, uintptr_t base);
void klp_sim_elf_free(struct klp_sim_elf *elf);

/* The symbol containing @addr, or the nearest one below it; NULL if none. */
const struct klp_sim_sym *klp_sim_elf_find_addr(const struct klp_sim_elf *elf,
						 uintptr_t addr);

#endif /* _KLP_COMPAT_MODFILE_H */
