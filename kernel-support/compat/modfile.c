// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reading module files with libelf.
 *
 * dlsym() sees only exported symbols, while a livepatch may name any
 * function of its target, static ones included, as kallsyms allows in the
 * kernel.  So the loader reads the full .symtab of each file itself.
 */
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/errno.h>
#include <linux/kernel.h>

#include "modfile.h"

static int add_evidence(struct klp_sim_elf *elf, const char *what,
			const char *name)
{
	char **ev = realloc(elf->evidence,
			    (elf->nr_evidence + 1) * sizeof(*ev));
	size_t len = strlen(what) + strlen(name) + 2;

	if (!ev)
		return -ENOMEM;
	elf->evidence = ev;
	ev[elf->nr_evidence] = malloc(len);
	if (!ev[elf->nr_evidence])
		return -ENOMEM;
	snprintf(ev[elf->nr_evidence], len, "%s %s", what, name);
	elf->nr_evidence++;
	return 0;
}

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* The sections per-object callback macros emit (kpatch, klp-build). */
static bool callback_section(const char *name)
{
	return starts_with(name, ".kpatch.callbacks.") ||
	       !strcmp(name, ".discard.klp_callback_ptrs") ||
	       !strcmp(name, ".discard.klp_callbacks");
}

static bool callback_symbol(const char *name)
{
	return starts_with(name, "__klp_pre_patch_callback_") ||
	       starts_with(name, "__klp_post_patch_callback_") ||
	       starts_with(name, "__klp_pre_unpatch_callback_") ||
	       starts_with(name, "__klp_post_unpatch_callback_");
}

static void read_modinfo(struct klp_sim_elf *elf, Elf_Scn *scn)
{
	Elf_Data *data = elf_getdata(scn, NULL);
	const char *p, *end;

	if (!data || !data->d_buf)
		return;
	p = data->d_buf;
	end = p + data->d_size;
	while (p < end) {
		size_t len = strnlen(p, end - p);

		if (len == strlen("livepatch=Y") && !strncmp(p, "livepatch=Y", len))
			elf->livepatch = true;
		if (!strncmp(p, "vermagic=", strlen("vermagic=")) &&
		    len < (size_t)(end - p) && !elf->vermagic[0])
			snprintf(elf->vermagic, sizeof(elf->vermagic), "%s",
				 p + strlen("vermagic="));
		p += len + 1;
	}
}

static int read_symbols(struct klp_sim_elf *elf, Elf *e, Elf_Scn *scn,
			GElf_Shdr *shdr)
{
	Elf_Data *data = elf_getdata(scn, NULL);
	size_t n, i;

	if (!data || !shdr->sh_entsize)
		return 0;
	n = shdr->sh_size / shdr->sh_entsize;
	elf->syms = calloc(n ? n : 1, sizeof(*elf->syms));
	if (!elf->syms)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		GElf_Sym sym;
		const char *name;
		int type;

		if (!gelf_getsym(data, i, &sym))
			continue;
		name = elf_strptr(e, shdr->sh_link, sym.st_name);
		if (!name || !*name || sym.st_shndx == SHN_UNDEF)
			continue;
		if (!strcmp(name, "__this_module"))
			elf->has_this_module = true;
		if (callback_symbol(name) && add_evidence(elf, "symbol", name))
			return -ENOMEM;
		type = GELF_ST_TYPE(sym.st_info);
		if (type != STT_FUNC && type != STT_OBJECT)
			continue;
		elf->syms[elf->nr_syms].name = strdup(name);
		elf->syms[elf->nr_syms].addr = sym.st_value;
		elf->syms[elf->nr_syms].size = sym.st_size;
		elf->nr_syms++;
	}
	return 0;
}

static int cmp_sym(const void *a, const void *b)
{
	const struct klp_sim_sym *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return strcmp(x->name, y->name);
}

static int cmp_evidence(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int klp_sim_elf_read(const char *path, struct klp_sim_elf *elf)
{
	Elf_Scn *scn = NULL, *symtab = NULL, *dynsym = NULL;
	GElf_Shdr shdr, symshdr;
	size_t shstrndx;
	int fd, ret = 0;
	Elf *e;

	memset(elf, 0, sizeof(*elf));
	if (elf_version(EV_CURRENT) == EV_NONE)
		return -ENOEXEC;
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -ENOENT;
	e = elf_begin(fd, ELF_C_READ, NULL);
	if (!e || elf_kind(e) != ELF_K_ELF || elf_getshdrstrndx(e, &shstrndx)) {
		ret = -ENOEXEC;
		goto out;
	}

	while ((scn = elf_nextscn(e, scn))) {
		const char *name;

		if (!gelf_getshdr(scn, &shdr))
			continue;
		name = elf_strptr(e, shstrndx, shdr.sh_name);
		if (!name)
			continue;
		if (!strcmp(name, ".modinfo"))
			read_modinfo(elf, scn);
		if (!strcmp(name, "__param")) {
			elf->params = shdr.sh_addr;
			elf->params_size = shdr.sh_size;
		}
		if (callback_section(name)) {
			ret = add_evidence(elf, "section", name);
			if (ret)
				goto out;
		}
		if (shdr.sh_type == SHT_SYMTAB)
			symtab = scn;
		else if (shdr.sh_type == SHT_DYNSYM)
			dynsym = scn;
	}

	/* A stripped file still has its exported symbols. */
	scn = symtab ? symtab : dynsym;
	if (scn && gelf_getshdr(scn, &symshdr)) {
		ret = read_symbols(elf, e, scn, &symshdr);
		if (ret)
			goto out;
	}
	if (elf->nr_syms)
		qsort(elf->syms, elf->nr_syms, sizeof(*elf->syms), cmp_sym);
	/* Sections, then symbols, by name: not in the compiler's order. */
	if (elf->nr_evidence)
		qsort(elf->evidence, elf->nr_evidence, sizeof(*elf->evidence),
		      cmp_evidence);
out:
	if (e)
		elf_end(e);
	close(fd);
	if (ret)
		klp_sim_elf_free(elf);
	return ret;
}

void klp_sim_elf_relocate(struct klp_sim_elf *elf, uintptr_t base)
{
	for (size_t i = 0; i < elf->nr_syms; i++)
		elf->syms[i].addr += base;
	if (elf->params_size)
		elf->params += base;
}

void klp_sim_elf_free(struct klp_sim_elf *elf)
{
	for (size_t i = 0; i < elf->nr_syms; i++)
		free(elf->syms[i].name);
	for (size_t i = 0; i < elf->nr_evidence; i++)
		free(elf->evidence[i]);
	free(elf->syms);
	free(elf->evidence);
	memset(elf, 0, sizeof(*elf));
}

const struct klp_sim_sym *klp_sim_elf_find_addr(const struct klp_sim_elf *elf,
						 uintptr_t addr)
{
	size_t lo = 0, hi = elf->nr_syms;
	const struct klp_sim_sym *best = NULL;

	/* The last symbol that starts at or below @addr. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (elf->syms[mid].addr <= addr) {
			best = &elf->syms[mid];
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	/* Of several symbols at one address, prefer one that has a size. */
	while (best && best > elf->syms && best[-1].addr == best->addr &&
	       !best->size)
		best--;
	return best;
}
