// SPDX-License-Identifier: GPL-2.0-only
/*
 * The module loader: shared objects as kernel modules.
 *
 * insmod maps a .so with dlopen(RTLD_NOW | RTLD_LOCAL), so modules never
 * see each other's symbols and every kernel function they call resolves to
 * the runner, as it resolves to vmlinux in the kernel.  Each .so defines
 * its own __this_module (from a generated <name>.mod.c, like modpost's).
 * The load and unload sequences follow the kernel's order:
 *
 *   insmod: livepatch coming notifier, module notifiers (COMING), init,
 *           LIVE; on init failure GOING notifiers and livepatch going.
 *   rmmod:  refuse while referenced, exit, module notifiers (GOING),
 *           livepatch going notifier, unmap.
 *
 * The runner itself plays vmlinux: its symbol table answers vmlinux
 * lookups, and names it lacks become phantom symbols (see compat.h).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <stdlib.h>
#include <string.h>

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/notifier.h>

#include "compat.h"
#include "modfile.h"

/**
 * struct klp_sim_module - a loaded module
 * @node:	link in klp_modules, in load order
 * @mod:	the module's own __this_module
 * @name:	its name; @mod->name points here
 * @handle:	dlopen() handle
 * @start:	lowest address of the mapped image
 * @end:	end of the mapped image
 * @elf:	symbols and .modinfo read from the file
 * @refcnt:	references from try_module_get()
 * @init:	module_init() function, or NULL
 * @exit:	module_exit() function, or NULL
 * @next_alloc:	number of the module's next kmalloc() block
 * @kp:		the module's parameters (its "__param" section)
 * @num_kp:	their number
 */
struct klp_sim_module {
	struct list_head node;
	struct module *mod;
	char name[MODULE_NAME_LEN];
	void *handle;
	uintptr_t start, end;
	struct klp_sim_elf elf;
	int refcnt;
	initcall_t init;
	exitcall_t exit;
	unsigned int next_alloc;
	struct kernel_param *kp;
	size_t num_kp;
};

static LIST_HEAD(klp_modules);
static struct notifier_block *klp_module_notifiers;

/* vmlinux: the runner's own image. */
static struct klp_sim_elf klp_vmlinux;
static uintptr_t klp_vmlinux_start, klp_vmlinux_end;
static bool klp_vmlinux_read;
static unsigned int klp_vmlinux_next_alloc;

/* Per-object callbacks seen in loaded modules: "<module>: <evidence>". */
static char **klp_unused_callbacks;
static size_t klp_nr_unused_callbacks;

bool klp_sim_phantom_vmlinux = true;

/* ------------------------------------------------------------------------
 * Images and symbols
 */

struct range_query {
	uintptr_t base;
	bool main_program;
	uintptr_t start, end;
	bool found;
};

static int find_range(struct dl_phdr_info *info, size_t size, void *data)
{
	struct range_query *q = data;

	(void)size;
	/* The main program comes first and has an empty name. */
	if (q->main_program ? info->dlpi_name[0] != '\0' :
			      info->dlpi_addr != q->base)
		return 0;
	q->start = UINTPTR_MAX;
	q->end = 0;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t start = info->dlpi_addr + ph->p_vaddr;

		if (ph->p_type != PT_LOAD)
			continue;
		q->start = min(q->start, start);
		q->end = max(q->end, (uintptr_t)(start + ph->p_memsz));
	}
	q->base = info->dlpi_addr;
	q->found = true;
	return 1;
}

static void read_vmlinux(void)
{
	struct range_query q = { .main_program = true };

	if (klp_vmlinux_read)
		return;
	klp_vmlinux_read = true;
	dl_iterate_phdr(find_range, &q);
	if (!q.found)
		return;
	klp_vmlinux_start = q.start;
	klp_vmlinux_end = q.end;
	if (!klp_sim_elf_read("/proc/self/exe", &klp_vmlinux))
		klp_sim_elf_relocate(&klp_vmlinux, q.base);
}

static struct klp_sim_module *find_module_rec(const char *name)
{
	struct klp_sim_module *m;

	list_for_each_entry(m, &klp_modules, node)
		if (!strcmp(m->name, name))
			return m;
	return NULL;
}

static struct klp_sim_module *find_module_of(const struct module *mod)
{
	struct klp_sim_module *m;

	list_for_each_entry(m, &klp_modules, node)
		if (m->mod == mod)
			return m;
	return NULL;
}

struct module *klp_sim_find_module(const char *name)
{
	struct klp_sim_module *m = find_module_rec(name);

	return m ? m->mod : NULL;
}

struct klp_sim_module *klp_sim_module_of(const void *addr)
{
	struct klp_sim_module *m;
	uintptr_t a = (uintptr_t)addr;

	list_for_each_entry(m, &klp_modules, node)
		if (a >= m->start && a < m->end)
			return m;
	return NULL;
}

const char *klp_sim_module_name(const struct klp_sim_module *m)
{
	return m ? m->name : "vmlinux";
}

unsigned int klp_sim_module_next_alloc(struct klp_sim_module *m)
{
	return m ? ++m->next_alloc : ++klp_vmlinux_next_alloc;
}

const char *klp_sim_owner_name(const void *addr)
{
	struct klp_sim_module *m = klp_sim_module_of(addr);
	uintptr_t a = (uintptr_t)addr;

	if (m)
		return m->name;
	read_vmlinux();
	if ((a >= klp_vmlinux_start && a < klp_vmlinux_end) ||
	    klp_sim_is_phantom(addr))
		return "vmlinux";
	return NULL;
}

/* Phantom vmlinux functions: one placeholder byte each, never executed. */
#define KLP_NR_PHANTOMS		512
static char klp_phantom_area[KLP_NR_PHANTOMS * 16] __aligned(16);
static char *klp_phantom_names[KLP_NR_PHANTOMS];
static unsigned int klp_nr_phantoms;

void *klp_sim_phantom_symbol(const char *name)
{
	unsigned int i;

	for (i = 0; i < klp_nr_phantoms; i++)
		if (!strcmp(klp_phantom_names[i], name))
			return &klp_phantom_area[i * 16];
	if (!klp_sim_phantom_vmlinux || klp_nr_phantoms == KLP_NR_PHANTOMS)
		return NULL;
	klp_phantom_names[klp_nr_phantoms] = strdup(name);
	return &klp_phantom_area[klp_nr_phantoms++ * 16];
}

bool klp_sim_is_phantom(const void *addr)
{
	const char *p = addr;

	return p >= klp_phantom_area &&
	       p < klp_phantom_area + klp_nr_phantoms * 16;
}

static bool symbolize_elf(const struct klp_sim_elf *elf, uintptr_t a,
			  const char **symname, unsigned long *offset)
{
	const struct klp_sim_sym *sym = klp_sim_elf_find_addr(elf, a);

	if (!sym)
		return false;
	*symname = sym->name;
	*offset = a - sym->addr;
	return true;
}

bool klp_sim_symbolize(const void *addr, const char **modname,
		       const char **symname, unsigned long *offset)
{
	struct klp_sim_module *m = klp_sim_module_of(addr);
	uintptr_t a = (uintptr_t)addr;

	if (m) {
		*modname = m->name;
		return symbolize_elf(&m->elf, a, symname, offset);
	}
	if (klp_sim_is_phantom(addr)) {
		unsigned int i = ((const char *)addr - klp_phantom_area) / 16;

		*modname = "vmlinux";
		*symname = klp_phantom_names[i];
		*offset = ((const char *)addr - klp_phantom_area) % 16;
		return true;
	}
	read_vmlinux();
	if (a >= klp_vmlinux_start && a < klp_vmlinux_end) {
		*modname = "vmlinux";
		return symbolize_elf(&klp_vmlinux, a, symname, offset);
	}
	return false;
}

int klp_sim_kallsyms_each(const char *objname,
			  int (*fn)(void *data, const char *name, void *addr,
				    unsigned long size),
			  void *data)
{
	const struct klp_sim_elf *elf;
	struct klp_sim_module *m;
	int ret;

	if (objname) {
		m = find_module_rec(objname);
		if (!m)
			return 0;
		elf = &m->elf;
	} else {
		read_vmlinux();
		elf = &klp_vmlinux;
		for (unsigned int i = 0; i < klp_nr_phantoms; i++) {
			ret = fn(data, klp_phantom_names[i],
				 &klp_phantom_area[i * 16], 1);
			if (ret)
				return ret;
		}
	}
	for (size_t i = 0; i < elf->nr_syms; i++) {
		ret = fn(data, elf->syms[i].name, (void *)elf->syms[i].addr,
			 elf->syms[i].size);
		if (ret)
			return ret;
	}
	return 0;
}

int kallsyms_on_each_match_symbol(int (*fn)(void *data, unsigned long addr),
				  const char *name, void *data)
{
	void *phantom;
	bool found = false;
	int ret;

	read_vmlinux();
	for (unsigned int i = 0; i < klp_nr_phantoms; i++) {
		if (strcmp(klp_phantom_names[i], name))
			continue;
		return fn(data, (unsigned long)&klp_phantom_area[i * 16]);
	}
	for (size_t i = 0; i < klp_vmlinux.nr_syms; i++) {
		if (strcmp(klp_vmlinux.syms[i].name, name))
			continue;
		found = true;
		ret = fn(data, klp_vmlinux.syms[i].addr);
		if (ret)
			return ret;
	}
	if (found)
		return 0;
	phantom = klp_sim_phantom_symbol(name);
	return phantom ? fn(data, (unsigned long)phantom) : 0;
}

int module_kallsyms_on_each_symbol(const char *modname,
				   int (*fn)(void *data, const char *name,
					     unsigned long addr),
				   void *data)
{
	struct klp_sim_module *m = find_module_rec(modname);
	int ret;

	if (!m)
		return 0;
	for (size_t i = 0; i < m->elf.nr_syms; i++) {
		ret = fn(data, m->elf.syms[i].name, m->elf.syms[i].addr);
		if (ret)
			return ret;
	}
	return 0;
}

int kallsyms_lookup_size_offset(unsigned long addr, unsigned long *symbolsize,
				unsigned long *offset)
{
	struct klp_sim_module *m = klp_sim_module_of((const void *)addr);
	const struct klp_sim_sym *sym = NULL;

	if (klp_sim_is_phantom((const void *)addr)) {
		if (symbolsize)
			*symbolsize = 1;
		if (offset)
			*offset = (addr - (uintptr_t)klp_phantom_area) % 16;
		return 1;
	}
	if (m) {
		sym = klp_sim_elf_find_addr(&m->elf, addr);
	} else {
		read_vmlinux();
		if (addr >= klp_vmlinux_start && addr < klp_vmlinux_end)
			sym = klp_sim_elf_find_addr(&klp_vmlinux, addr);
	}
	if (!sym)
		return 0;
	if (symbolsize)
		*symbolsize = sym->size;
	if (offset)
		*offset = addr - sym->addr;
	return 1;
}

static void *elf_lookup(const struct klp_sim_elf *elf, const char *name)
{
	for (size_t i = 0; i < elf->nr_syms; i++)
		if (!strcmp(elf->syms[i].name, name))
			return (void *)elf->syms[i].addr;
	return NULL;
}

int klp_sim_lookup_symbol(const char *spec, void **addr)
{
	const char *colon = strchr(spec, ':');
	struct klp_sim_module *m;
	void *found = NULL, *a;
	int matches = 0;

	read_vmlinux();
	if (colon) {
		char modname[MODULE_NAME_LEN];
		size_t len = colon - spec;

		if (len >= sizeof(modname))
			return -ENOENT;
		memcpy(modname, spec, len);
		modname[len] = '\0';
		if (!strcmp(modname, "vmlinux")) {
			found = elf_lookup(&klp_vmlinux, colon + 1);
			if (!found)
				found = klp_sim_phantom_symbol(colon + 1);
		} else {
			m = find_module_rec(modname);
			found = m ? elf_lookup(&m->elf, colon + 1) : NULL;
		}
		if (!found)
			return -ENOENT;
		*addr = found;
		return 0;
	}

	/* No module named: every module, then vmlinux; it must be unique. */
	list_for_each_entry(m, &klp_modules, node) {
		a = elf_lookup(&m->elf, spec);
		if (a) {
			found = a;
			matches++;
		}
	}
	if (!matches) {
		found = elf_lookup(&klp_vmlinux, spec);
		matches = found != NULL;
	}
	if (matches > 1)
		return -EINVAL;
	if (!found)
		return -ENOENT;
	*addr = found;
	return 0;
}

/* ------------------------------------------------------------------------
 * References and notifiers
 */

bool try_module_get(struct module *module)
{
	struct klp_sim_module *m;

	if (!module)
		return true;
	if (module->state == MODULE_STATE_GOING)
		return false;
	m = find_module_of(module);
	if (m)
		m->refcnt++;
	return true;
}

void __module_get(struct module *module)
{
	struct klp_sim_module *m = module ? find_module_of(module) : NULL;

	if (m)
		m->refcnt++;
}

void module_put(struct module *module)
{
	struct klp_sim_module *m = module ? find_module_of(module) : NULL;

	if (m && !WARN_ON(m->refcnt <= 0))
		m->refcnt--;
}

int register_module_notifier(struct notifier_block *nb)
{
	struct notifier_block **pp = &klp_module_notifiers;

	klp_sim_might_sleep("register_module_notifier");
	/* Higher priority first; equal priorities in registration order. */
	while (*pp && (*pp)->priority >= nb->priority)
		pp = &(*pp)->next;
	nb->next = *pp;
	*pp = nb;
	return 0;
}

int unregister_module_notifier(struct notifier_block *nb)
{
	struct notifier_block **pp;

	klp_sim_might_sleep("unregister_module_notifier");
	for (pp = &klp_module_notifiers; *pp; pp = &(*pp)->next) {
		if (*pp == nb) {
			*pp = nb->next;
			return 0;
		}
	}
	return -ENOENT;
}

static void call_module_notifiers(unsigned long action, struct module *mod)
{
	struct notifier_block *nb, *next;

	for (nb = klp_module_notifiers; nb; nb = next) {
		next = nb->next;
		if (nb->notifier_call(nb, action, mod) & NOTIFY_STOP_MASK)
			break;
	}
}

/* A module that goes away with a notifier registered leaves it dangling. */
static void drop_module_notifiers(struct klp_sim_module *m)
{
	struct notifier_block **pp = &klp_module_notifiers;

	while (*pp) {
		uintptr_t a = (uintptr_t)*pp;

		if (a >= m->start && a < m->end) {
			klp_sim_line("BUG: module %s was removed with a module notifier still registered",
				      m->name);
			*pp = (*pp)->next;
		} else {
			pp = &(*pp)->next;
		}
	}
}

/* ------------------------------------------------------------------------
 * insmod and rmmod
 */

static void record_unused_callbacks(struct klp_sim_module *m)
{
	for (size_t i = 0; i < m->elf.nr_evidence; i++) {
		size_t len = strlen(m->name) + strlen(m->elf.evidence[i]) + 3;
		char **list, *entry = malloc(len);
		bool seen = false;

		if (!entry)
			return;
		snprintf(entry, len, "%s: %s", m->name, m->elf.evidence[i]);
		/* A module loaded again reports the same evidence once. */
		for (size_t j = 0; j < klp_nr_unused_callbacks; j++)
			seen |= !strcmp(klp_unused_callbacks[j], entry);
		if (seen) {
			free(entry);
			continue;
		}
		list = realloc(klp_unused_callbacks,
			       (klp_nr_unused_callbacks + 1) * sizeof(*list));
		if (!list) {
			free(entry);
			return;
		}
		klp_unused_callbacks = list;
		klp_unused_callbacks[klp_nr_unused_callbacks++] = entry;
	}
}

unsigned int klp_sim_module_report(void)
{
	for (size_t i = 0; i < klp_nr_unused_callbacks; i++)
		klp_sim_event("never called: per-object callback (%s)",
			      klp_unused_callbacks[i]);
	return klp_nr_unused_callbacks;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* Report a dlopen() failure without the (machine-specific) path. */
static int dlopen_error(const char *path)
{
	const char *err = dlerror();
	const char *undef = err ? strstr(err, "undefined symbol: ") : NULL;
	char name[MODULE_NAME_LEN];
	const char *dot;

	snprintf(name, sizeof(name), "%s", base_name(path));
	dot = strrchr(name, '.');
	if (dot)
		name[dot - name] = '\0';
	if (undef) {
		klp_printk(KERN_WARNING "%s: Unknown symbol %s (err -2)\n",
			   name, undef + strlen("undefined symbol: "));
		return -ENOENT;
	}
	klp_sim_event("klp-sim: cannot map %s: %s", base_name(path),
		      err ? base_name(err) : "unknown error");
	return -ENOEXEC;
}

static void unmap_module(struct klp_sim_module *m)
{
	list_del(&m->node);
	drop_module_notifiers(m);
	klp_sim_mm_module_gone(m);
	dlclose(m->handle);
	klp_sim_elf_free(&m->elf);
	free(m);
}

int klp_sim_parse_args(const char *modname, char *args,
		       struct kernel_param *params, size_t num);
void klp_sim_destroy_params(struct kernel_param *params, size_t num);
int klp_sim_param_file_show(struct kernel_param *kp, char *buf);
int klp_sim_param_file_store(struct kernel_param *kp, const char *val);

/*
 * check_modinfo(): a module built for the other API generation has other
 * struct layouts (struct klp_object, struct klp_state), which the core
 * would misread; refuse it as the kernel refuses a module built for
 * another kernel.  A module without version magic (built by hand, or by
 * a tool that writes its own .mod.c) is accepted: the kernel would force
 * the load.
 */
static int check_vermagic(const char *path, const char *name,
			  const struct klp_sim_elf *elf)
{
	char modname[MODULE_NAME_LEN];
	const char *dot;

	if (!elf->vermagic[0] || !strcmp(elf->vermagic, KLP_SIM_VERMAGIC))
		return 0;
	snprintf(modname, sizeof(modname), "%s", name ? name : base_name(path));
	dot = strrchr(modname, '.');
	if (!name && dot)
		modname[dot - modname] = '\0';
	klp_printk(KERN_ERR "%s: version magic '%s' should be '%s'\n",
		   modname, elf->vermagic, KLP_SIM_VERMAGIC);
	return -ENOEXEC;
}

int klp_sim_insmod(const char *path, const char *name)
{
	return klp_sim_insmod_args(path, name, NULL);
}

int klp_sim_insmod_args(const char *path, const char *name, const char *args)
{
	struct klp_sim_module *m, *other;
	struct link_map *lm = NULL;
	struct range_query q = { 0 };
	void *init_sym, *exit_sym;
	int ret;

	read_vmlinux();
	m = calloc(1, sizeof(*m));
	if (!m)
		return -ENOMEM;
	ret = klp_sim_elf_read(path, &m->elf);
	if (ret) {
		klp_sim_event("klp-sim: cannot read %s", base_name(path));
		free(m);
		return ret;
	}
	if (!m->elf.has_this_module) {
		klp_sim_event("klp-sim: %s defines no __this_module; link a generated .mod.c",
			      base_name(path));
		ret = -ENOEXEC;
		goto free_elf;
	}
	ret = check_vermagic(path, name, &m->elf);
	if (ret)
		goto free_elf;

	m->handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!m->handle) {
		ret = dlopen_error(path);
		goto free_elf;
	}
	list_for_each_entry(other, &klp_modules, node) {
		if (other->handle == m->handle) {
			/* dlopen() shares one image per file. */
			klp_sim_event("klp-sim: %s is already loaded as %s",
				      base_name(path), other->name);
			dlclose(m->handle);
			ret = -EEXIST;
			goto free_elf;
		}
	}

	m->mod = dlsym(m->handle, "__this_module");
	if (!m->mod || dlinfo(m->handle, RTLD_DI_LINKMAP, &lm) || !lm) {
		ret = -ENOEXEC;
		goto close;
	}
	snprintf(m->name, sizeof(m->name), "%s",
		 name ? name : (m->mod->name ? m->mod->name : base_name(path)));
	if (find_module_rec(m->name)) {
		ret = -EEXIST;
		goto close;
	}

	q.base = lm->l_addr;
	dl_iterate_phdr(find_range, &q);
	m->start = q.start;
	m->end = q.end;
	klp_sim_elf_relocate(&m->elf, lm->l_addr);
	m->kp = (struct kernel_param *)m->elf.params;
	m->num_kp = m->elf.params_size / sizeof(struct kernel_param);

	init_sym = dlsym(m->handle, "klp_module_init_fn");
	exit_sym = dlsym(m->handle, "klp_module_exit_fn");
	m->init = init_sym ? *(initcall_t *)init_sym : NULL;
	m->exit = exit_sym ? *(exitcall_t *)exit_sym : NULL;

	m->mod->name = m->name;
	m->mod->klp = m->elf.livepatch;
	m->mod->klp_alive = false;
	m->mod->state = MODULE_STATE_COMING;
	list_add_tail(&m->node, &klp_modules);

	/* Patches for the module are applied before any of its code runs. */
	ret = klp_module_coming(m->mod);
	if (ret)
		goto unmap;
	call_module_notifiers(MODULE_STATE_COMING, m->mod);

	/* The module is ready to run: setting parameters may run its code. */
	if (args) {
		char *copy = strdup(args);

		if (!copy)
			abort();
		ret = klp_sim_parse_args(m->name, copy, m->kp, m->num_kp);
		free(copy);
		if (ret) {
			m->mod->state = MODULE_STATE_GOING;
			call_module_notifiers(MODULE_STATE_GOING, m->mod);
			klp_module_going(m->mod);
			klp_sim_destroy_params(m->kp, m->num_kp);
			goto unmap;
		}
	}

	if (!m->mod->klp)
		klp_sim_event("init(%s)", m->name);
	ret = m->init ? m->init() : 0;
	if (ret < 0) {
		m->mod->state = MODULE_STATE_GOING;
		call_module_notifiers(MODULE_STATE_GOING, m->mod);
		klp_module_going(m->mod);
		klp_sim_destroy_params(m->kp, m->num_kp);
		if (m->refcnt > 0) {
			/*
			 * Something registered during init still points into
			 * the module; the kernel would free it anyway and
			 * crash later.  Keep the image so the run goes on.
			 */
			klp_sim_line("BUG: module %s failed its init while still referenced; it stays mapped",
				      m->name);
			return ret;
		}
		goto unmap;
	}
	m->mod->state = MODULE_STATE_LIVE;
	call_module_notifiers(MODULE_STATE_LIVE, m->mod);
	record_unused_callbacks(m);
	return 0;

unmap:
	unmap_module(m);
	return ret;
close:
	dlclose(m->handle);
free_elf:
	klp_sim_elf_free(&m->elf);
	free(m);
	return ret;
}

int klp_sim_rmmod(const char *name)
{
	struct klp_sim_module *m = find_module_rec(name);

	if (!m)
		return -ENOENT;
	/* delete_module(): in use, or no way to clean up. */
	if (m->refcnt > 0)
		return -EAGAIN;
	if (m->init && !m->exit)
		return -EBUSY;

	m->mod->state = MODULE_STATE_GOING;
	if (!m->mod->klp)
		klp_sim_event("exit(%s)", m->name);
	if (m->exit)
		m->exit();
	call_module_notifiers(MODULE_STATE_GOING, m->mod);
	klp_module_going(m->mod);
	klp_sim_destroy_params(m->kp, m->num_kp);
	unmap_module(m);
	return 0;
}

static struct kernel_param *find_param(const char *module, const char *param)
{
	struct klp_sim_module *m = find_module_rec(module);

	if (!m)
		return NULL;
	for (size_t i = 0; i < m->num_kp; i++)
		if (m->kp[i].perm && !strcmp(m->kp[i].name, param))
			return &m->kp[i];
	return NULL;
}

int klp_sim_param_show(const char *module, const char *param, char *buf)
{
	struct kernel_param *kp = find_param(module, param);

	return kp ? klp_sim_param_file_show(kp, buf) : -ENOENT;
}

int klp_sim_param_store(const char *module, const char *param,
			const char *val)
{
	struct kernel_param *kp = find_param(module, param);

	return kp ? klp_sim_param_file_store(kp, val) : -ENOENT;
}
