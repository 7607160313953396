#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""klp-lint inside real kbuild (Debian 6.12.117 headers, gcc-12).

  (a) the 18 Debian samples/selftest sources built with the compiler wrapper
      (CC="klp-lint-cc x86_64-linux-gnu-gcc-12") and checked with
      "C=2 CHECK=klp-lint" report exactly the CLI's findings
      (expected-findings.txt, the same file check-kernel.py asserts);
  (b) a two-file livepatch module whose facts must be joined: one id is
      allocated in one file and freed by the module exit of the other (a
      migration note only), the other is freed nowhere (a warning); with
      --target-api=v1 (KLP_LINT_FLAGS, CHECK="klp-lint --target-api=v1") the
      first has a state in the other file (silent) and the second none;
  (c) every .o and .ko is byte-identical with and without the wrapper;
  (d) a module without livepatch code builds with no analysis output;
  (e) for every module of the Debian samples and selftests, the product
      model (klp-lint --dump-product: the patch, replace, each state's id,
      block_disable, is_shadow and callbacks) read from the facts the wrapper
      recorded from its sources (<module>.mod) equals the one read from its
      .ko; the 12 livepatches are read both ways, the 6 other modules
      neither.
"""
import argparse
import filecmp
import glob
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import importlib.util  # noqa: E402
import json  # noqa: E402

_spec = importlib.util.spec_from_file_location("check_kernel", os.path.join(HERE, "check-kernel.py"))
check_kernel = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_kernel)
_spec = importlib.util.spec_from_file_location(
    "product_compare", os.path.join(HERE, "..", "cli", "Inputs", "product-compare.py"))
product_compare = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(product_compare)

DIAG = check_kernel.DIAG
CC = "x86_64-linux-gnu-gcc-12"

# (b): klp-multi-shadow.c allocates KLP_MULTI_STATE (1) and KLP_MULTI_ORPHAN
# (2); klp-multi-main.c has the patch, a state with id 1 and the module exit,
# which frees id 1. Generation A headers, judged by A (the default): id 1 is
# freed on the way of every disable, a migration note only; id 2 is freed
# nowhere. Both need the facts of both files joined.
MULTI_EXPECTED = [
    "klp-multi-shadow.c:9:9: note: shadow variable id 'KLP_MULTI_STATE' (1) is "
    "freed by hand when the patch is disabled (from module exit "
    "'klp_multi_exit'); needs migration to an is_shadow state: with per-state "
    "callbacks, a struct klp_state with this id and is_shadow frees these "
    "variables when the state is removed, also when a replace drops it "
    "[shadow-id-without-state]\n"
    "  klp-multi-main.c:44:2: note: freed here by klp_shadow_free_all()\n"
    "  klp-multi.h:5:9: note: id 'KLP_MULTI_STATE' is defined here",
    "klp-multi-shadow.c:15:9: warning: shadow variable id 'KLP_MULTI_ORPHAN' (2) "
    "allocated by klp_shadow_alloc() is never freed when the patch is disabled: "
    "no klp_shadow_free() or klp_shadow_free_all() of this id is reached from a "
    "per-object pre_unpatch or post_unpatch callback, module exit or a module "
    "notifier, so these shadow variables stay allocated after the disable; with "
    "per-state callbacks, a struct klp_state with this id and is_shadow would "
    "free them [shadow-id-without-state]\n"
    "  klp-multi.h:6:9: note: id 'KLP_MULTI_ORPHAN' is defined here",
]
# The same module judged as code to migrate (--target-api=v1): id 1 has a
# state in the other file and is silent, id 2 has none, "needs migration".
MULTI_EXPECTED_V1 = [
    "klp-multi-shadow.c:15:9: warning: shadow variable id 'KLP_MULTI_ORPHAN' (2) "
    "used by klp_shadow_alloc() has no state in this livepatch; needs migration: "
    "add a struct klp_state with this id and is_shadow so that the core frees "
    "these variables when the state is removed [shadow-id-without-state]\n"
    "  klp-multi.h:6:9: note: id 'KLP_MULTI_ORPHAN' is defined here",
]


def blocks(text):
    out = []
    for line in text.splitlines():
        m = DIAG.match(line)
        if not m:
            continue
        t = "%s:%s:%s: %s: %s" % (os.path.basename(m["path"]), m["line"],
                                  m["col"], m["sev"], m["msg"])
        if not check_kernel.starts_finding(m) and out:
            out[-1] += "\n  " + t
        else:
            out.append(t)
    return out


def make(kdir, moddir, *extra, env=None):
    cmd = ["make", "-C", kdir, "M=" + moddir, "-j2", "--output-sync=target",
           "CONFIG_DEBUG_INFO_BTF_MODULES="] + list(extra) + ["modules"]
    e = dict(os.environ)
    for k in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL"):
        e.pop(k, None)
    e.update(env or {})
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True, env=e)
    return p.returncode, p.stdout


def fresh_copy(src_dir, dst, pattern_files):
    if os.path.exists(dst):
        shutil.rmtree(dst)
    os.makedirs(dst)
    for f in pattern_files:
        shutil.copy(os.path.join(src_dir, f), dst)


def outputs(d):
    return sorted(glob.glob(os.path.join(d, "*.o")) + glob.glob(os.path.join(d, "*.ko")))


def compare(name, got, want, problems):
    missing = sorted(set(want) - set(got))
    extra = sorted(set(got) - set(want))
    if not missing and not extra and sorted(got) != sorted(want):
        extra = ["(same findings, different counts)"]
    for b in missing:
        problems.append("%s: MISSING\n%s" % (name, b))
    for b in extra:
        problems.append("%s: UNEXPECTED\n%s" % (name, b))


# (e): the livepatches among the 18 Debian modules, by module name.
LIVEPATCHES = sorted([
    "livepatch_callbacks_demo", "livepatch_sample", "livepatch_shadow_fix1",
    "livepatch_shadow_fix2", "test_klp_atomic_replace", "test_klp_callbacks_demo",
    "test_klp_callbacks_demo2", "test_klp_livepatch", "test_klp_state",
    "test_klp_state2", "test_klp_state3", "test_klp_syscall",
])


def product_model(klp_lint, path):
    """The --dump-product model of one module, or None if it is not read."""
    proc = subprocess.run([klp_lint, "--dump-product", path], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        return None, proc.stderr.strip()
    modules = json.loads(proc.stdout)
    return ([(m["generation"], m["patch"]) for m in modules]
            + product_compare.project(modules),
            proc.stderr.strip())


def facts_and_binary_agree(klp_lint, d, problems):
    """(e) in one tree; the names of the modules read both ways."""
    read = []
    for mod in sorted(glob.glob(os.path.join(d, "*.mod"))):
        ko = mod[:-len(".mod")] + ".ko"
        facts, why_facts = product_model(klp_lint, mod)
        binary, why_binary = product_model(klp_lint, ko)
        name = os.path.basename(mod)[:-len(".mod")]
        if facts != binary:
            problems.append("%s: recorded facts and .ko disagree (e):\n  facts:  %s\n"
                            "  binary: %s" % (name, facts or why_facts, binary or why_binary))
        elif facts:
            read.append(facts[1].split(" ")[0])
    return read


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--klp-lint", required=True)
    ap.add_argument("--expected", required=True)
    ap.add_argument("--work", required=True)
    args = ap.parse_args()

    klp_lint = os.path.abspath(args.klp_lint)
    wrapper = os.path.join(os.path.dirname(klp_lint), "klp-lint-cc")
    cache = check_kernel.prepare()
    kdir = os.path.join(cache, "root/usr/src/linux-headers-6.12.117+deb12-amd64")
    work = os.path.abspath(args.work)
    problems = []
    expected = check_kernel.expected(args.expected)

    # Module directories: the Debian sources (as prepared, with their Kbuild),
    # our two-file livepatch, our plain module.
    trees = {
        "samples": os.path.join(cache, "build", "samples"),
        "selftests": os.path.join(cache, "build", "selftests"),
        "multi": os.path.join(HERE, "multi"),
        "plain": os.path.join(HERE, "plain"),
    }
    sources = {k: [f for f in os.listdir(v) if f.endswith((".c", ".h")) or f == "Kbuild"]
               for k, v in trees.items()}
    for k in sources:
        sources[k] = [f for f in sources[k] if not f.endswith(".mod.c")]

    found = {"wrapper": [], "checker": []}
    livepatches = []
    for tree, src in trees.items():
        d = os.path.join(work, tree)
        # Plain build first: the reference outputs for (c).
        fresh_copy(src, d, sources[tree])
        rc, log = make(kdir, d, "CC=" + CC)
        if rc:
            problems.append("%s: plain build failed:\n%s" % (tree, log[-3000:]))
            continue
        ref = os.path.join(work, tree + ".plain")
        if os.path.exists(ref):
            shutil.rmtree(ref)
        os.makedirs(ref)
        for f in outputs(d):
            shutil.copy(f, ref)

        # The same tree, cleaned, built through the wrapper.
        fresh_copy(src, d, sources[tree])
        rc, log = make(kdir, d, "CC=%s %s" % (wrapper, CC))
        if rc:
            problems.append("%s: wrapper build failed:\n%s" % (tree, log[-3000:]))
            continue
        got = blocks(log)
        found["wrapper"].append((tree, got, log))
        built = outputs(d)
        reference = outputs(ref)
        if [os.path.basename(f) for f in built] != [os.path.basename(f) for f in reference]:
            problems.append("%s: the wrapper build produced other files: %s vs %s"
                            % (tree, built, reference))
        for f in built:
            r = os.path.join(ref, os.path.basename(f))
            if os.path.exists(r) and not filecmp.cmp(f, r, shallow=False):
                problems.append("%s: %s differs with the wrapper (c)" % (tree, os.path.basename(f)))
        if tree == "plain" and (got or re.search(r"klp-lint|generated\.", log)):
            problems.append("plain: the wrapper printed analysis output (d):\n" + log)

        # The checker, C=2 over the same tree (objects are already built).
        rc, log = make(kdir, d, "CC=" + CC, "C=2", "CHECK=" + klp_lint)
        if rc:
            problems.append("%s: C=2 CHECK=klp-lint build failed:\n%s" % (tree, log[-3000:]))
            continue
        found["checker"].append((tree, blocks(log), log))
        if tree in ("samples", "selftests"):
            livepatches.extend(facts_and_binary_agree(klp_lint, d, problems))
        if tree == "plain" and (blocks(log) or re.search(r"klp-lint|generated\.", log)):
            problems.append("plain: the checker printed analysis output:\n" + log)

    if sorted(livepatches) != LIVEPATCHES:
        problems.append("(e): the livepatches read from facts and binary: %s, want %s"
                        % (sorted(livepatches), LIVEPATCHES))

    for mode, results in found.items():
        debian = [b for tree, got, _ in results if tree in ("samples", "selftests") for b in got]
        compare("%s (a)" % mode, debian, expected, problems)
        multi = [b for tree, got, _ in results if tree == "multi" for b in got]
        compare("%s (b)" % mode, multi, MULTI_EXPECTED, problems)

    # (b) with --target-api=v1: the wrapper from KLP_LINT_FLAGS, the
    # checker from a leading option of CHECK=.
    d = os.path.join(work, "multi-v1")
    fresh_copy(trees["multi"], d, sources["multi"])
    rc, log = make(kdir, d, "CC=%s %s" % (wrapper, CC),
                   env={"KLP_LINT_FLAGS": "--target-api=v1"})
    if rc:
        problems.append("multi-v1: wrapper build failed:\n%s" % log[-3000:])
    else:
        compare("wrapper (b, v1)", blocks(log), MULTI_EXPECTED_V1, problems)
        rc, log = make(kdir, d, "CC=" + CC, "C=2",
                       "CHECK=%s --target-api=v1" % klp_lint)
        if rc:
            problems.append("multi-v1: C=2 CHECK build failed:\n%s" % log[-3000:])
        else:
            compare("checker (b, v1)", blocks(log), MULTI_EXPECTED_V1, problems)

    for p in problems:
        print(p)
    print("%d problems; wrapper and checker each reported %s findings on the Debian sources;"
          " %d livepatches read alike from recorded facts and .ko"
          % (len(problems), [sum(len(g) for t, g, _ in found[m] if t in ("samples", "selftests"))
                             for m in ("wrapper", "checker")], len(livepatches)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
