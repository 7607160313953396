#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""kbuild joins are exact, and the wrapper never fails open or closed by
accident (real kbuild, Debian 6.12.117 headers, gcc-12).

The oracle is klp-lint itself on the command line: after each step, the
module findings a kbuild mode prints must be exactly those of
`klp-lint <the module's .c files>` with the module's real kbuild flags
(taken from the compile database of the step's tree), whatever the
semantics of the checks are.

Both modes, the compiler wrapper (CC="klp-lint-cc gcc") and C=2
CHECK=klp-lint:
  1. a fresh build reports the module's findings once;
  2. an edit of the shared header alone (which changes what one file
     allocates) is followed: both files are rebuilt and the findings are the
     CLI's of the edited tree (no stale facts of the other file);
  3. a rebuild with nothing changed reports nothing; touching one member
     reports the module's findings again, once;
  4. `make clean` leaves no file klp-lint wrote.
The wrapper's failure policy (fail open unless KLP_LINT_WERROR):
  5. a livepatch clang cannot parse: the build succeeds with a warning; with
     KLP_LINT_WERROR=1 it fails with the reason and clang's error text;
  6. the analyzer missing next to klp-lint-cc, an analyzer that crashes,
     exits 1 or hangs (KLP_LINT_TIMEOUT): the build succeeds with the object
     the compiler made; with KLP_LINT_WERROR=1 it fails;
  7. a damaged facts file: a warning, the build succeeds; failing closed, it
     fails;
  8. a member that could not be analyzed: the module's join says it cannot
     run, naming the member;
  9. klp-lint-cc --help and --version work.
"""
import argparse
import glob
import json
import os
import re
import shutil
import stat
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
import importlib.util  # noqa: E402


def load(name, file):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, file))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


check_kernel = load("check_kernel", "check-kernel.py")
check_kbuild = load("check_kbuild", "check-kbuild.py")
blocks, make, CC = check_kbuild.blocks, check_kbuild.make, check_kbuild.CC
problems = []
CACHE = None


def expect(cond, what):
    print(("ok: " if cond else "FAIL: ") + what)
    if not cond:
        problems.append(what)


def copy_tree(src, dst):
    if os.path.exists(dst):
        shutil.rmtree(dst)
    shutil.copytree(src, dst)


def klp_files(d):
    return sorted(os.path.basename(f) for f in glob.glob(os.path.join(d, ".*"))
                  if re.search(r"\.klp-(facts|joined)\.d$", f))


def cli_findings(klp_lint, kdir, d):
    """The CLI's findings for the module in d, with kbuild's own flags."""
    gen = os.path.join(CACHE, "src/scripts/clang-tools/gen_compile_commands.py")
    # As 'make M=... compile_commands.json' does: the commands kbuild ran
    # (in the kernel directory) for the module's objects.
    subprocess.run(["python3", gen, "-d", kdir, "-o", os.path.join(d, "compile_commands.json"),
                    os.path.join(d, "modules.order")], check=False, capture_output=True)
    db = os.path.join(d, "compile_commands.json")
    if not os.path.exists(db):
        sys.exit("cannot write %s" % db)
    p = subprocess.run([klp_lint, "-p", d], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True)
    return sorted(blocks(p.stdout))


def module_findings(log):
    """Module findings a build printed (shadow-id-without-state's, the
    module check of this module), sorted."""
    return sorted(b for b in blocks(log) if "[shadow-id-without-state" in b)


def modes(args, wrapper):
    return {
        "wrapper": ["CC=%s %s" % (wrapper, CC)],
        "checker": ["CC=" + CC, "C=2", "CHECK=" + args.klp_lint],
    }


def exact_joins(args, kdir, wrapper, work):
    header_fix = ("#define JOINS_ORPHAN_ALLOC(obj) klp_shadow_alloc(obj, JOINS_ORPHAN, "
                  "sizeof(long), GFP_KERNEL, NULL, NULL)", "#define JOINS_ORPHAN_ALLOC(obj) ((void *)0)")
    for mode, flags in modes(args, wrapper).items():
        d = os.path.join(work, "joins-" + mode)
        copy_tree(os.path.join(HERE, "joins"), d)
        if mode == "checker":
            make(kdir, d, "CC=" + CC)  # C=2 checks built objects
        rc, log = make(kdir, d, *flags)
        expect(rc == 0, "%s: the build succeeds" % mode)
        want = cli_findings(args.klp_lint, kdir, d)
        got = module_findings(log)
        expect(got == [b for b in want if "[shadow-id-without-state" in b] and got,
               "%s: a fresh build reports the module's findings once (%d)" % (mode, len(got)))

        h = os.path.join(d, "joins.h")
        text = open(h).read()
        assert header_fix[0] in text
        open(h, "w").write(text.replace(*header_fix))
        rc, log = make(kdir, d, *flags)
        rebuilt = len(set(re.findall(r"^\s*(?:CC \[M\]|CHECK)\s+.*(joins-(?:main|shadow))\.", log, re.M)))
        want2 = [b for b in cli_findings(args.klp_lint, kdir, d) if "[shadow-id-without-state" in b]
        got2 = module_findings(log)
        expect(rc == 0 and rebuilt == 2, "%s: the header edit rebuilds (or checks) both files" % mode)
        expect(got2 == want2 and want2 != sorted(got),
               "%s: after the header edit the findings are the edited tree's (%s)" % (mode, got2))

        if mode == "wrapper":
            rc, log = make(kdir, d, *flags)
            expect(rc == 0 and not module_findings(log), "wrapper: an up-to-date rebuild reports nothing")
            os.utime(os.path.join(d, "joins-main.c"))
            rc, log = make(kdir, d, *flags)
            expect(rc == 0 and module_findings(log) == want2,
                   "wrapper: touching one member reports the module's findings again, once")

        subprocess.run(["make", "-C", kdir, "M=" + d, "clean"], capture_output=True)
        left = klp_files(d)
        expect(not left, "%s: make clean leaves no klp-lint file (%s)" % (mode, left))


def failure_policy(args, kdir, wrapper, work):
    bad = os.path.join(work, "bad")
    for werror in ("", "1"):
        copy_tree(os.path.join(HERE, "joins-bad"), bad)
        env = {"KLP_LINT_WERROR": werror} if werror else {}
        rc, log = make(kdir, bad, "CC=%s %s" % (wrapper, CC), env=env)
        obj = os.path.exists(os.path.join(bad, "klp-bad.o"))
        if not werror:
            expect(rc == 0 and obj and "warning: cannot analyze" in log,
                   "a TU clang rejects: the build succeeds, with a warning")
        else:
            expect(rc != 0 and "error: cannot analyze" in log and
                   re.search(r"klp-bad\.c:\d+:\d+: error: ", log) is not None,
                   "a TU clang rejects, KLP_LINT_WERROR=1: the build fails with the reason and clang's error")

    real = os.path.join(os.path.dirname(args.klp_lint), "klp-lint-cc")
    scripts = {
        "missing": None,
        "crash": "#!/bin/sh\nkill -SEGV $$\n",
        "exit1": "#!/bin/sh\necho 'LLVM ERROR: IO failure on output stream' >&2\nexit 1\n",
        "hang": "#!/bin/sh\nsleep 30\n",
    }
    for name, script in scripts.items():
        b = os.path.join(work, "bin-" + name)
        if os.path.exists(b):
            shutil.rmtree(b)
        os.makedirs(b)
        shutil.copy(real, b)
        if script is not None:
            p = os.path.join(b, "klp-lint")
            open(p, "w").write(script)
            os.chmod(p, 0o755)
        for werror in ("", "1"):
            d = os.path.join(work, "policy-%s-%s" % (name, werror or "0"))
            copy_tree(os.path.join(HERE, "joins"), d)
            env = {"KLP_LINT_TIMEOUT": "2"}
            if werror:
                env["KLP_LINT_WERROR"] = werror
            rc, log = make(kdir, d, "CC=%s %s" % (os.path.join(b, "klp-lint-cc"), CC), env=env)
            objs = all(os.path.exists(os.path.join(d, o)) for o in ("joins-main.o", "joins-shadow.o"))
            if not werror:
                expect(rc == 0 and objs and "warning: the livepatch analysis of" in log,
                       "analyzer %s: the build succeeds with the compiler's objects and a warning" % name)
            else:
                expect(rc != 0 and "error: the livepatch analysis of" in log,
                       "analyzer %s, KLP_LINT_WERROR=1: the build fails with the reason" % name)

    d = os.path.join(work, "damaged")
    copy_tree(os.path.join(HERE, "joins"), d)
    rc, log = make(kdir, d, "CC=%s %s" % (wrapper, CC))
    facts = os.path.join(d, ".joins-shadow.o.klp-facts.d")
    expect(os.path.exists(facts), "the wrapper writes facts beside the object")
    open(facts, "w").write('{"klp_lint_facts": 8, "stored": {"skipped": 7}}')
    os.utime(os.path.join(d, "joins-main.c"))
    rc, log = make(kdir, d, "CC=%s %s" % (wrapper, CC))
    expect(rc == 0 and "warning: damaged facts file" in log,
           "damaged facts: a warning, the build succeeds")
    open(facts, "w").write("garbage")
    os.utime(os.path.join(d, "joins-main.c"))
    rc, log = make(kdir, d, "CC=%s %s" % (wrapper, CC), env={"KLP_LINT_WERROR": "1"})
    expect(rc != 0 and "damaged facts file" in log, "damaged facts, KLP_LINT_WERROR=1: the build fails")

    # A member whose analysis failed has no facts: at the module's .mod.c
    # the join cannot run, and says so (besides the member's own warning).
    d = os.path.join(work, "unanalyzed")
    copy_tree(os.path.join(HERE, "joins"), d)
    with open(os.path.join(d, "joins-shadow.c"), "a") as f:
        f.write("\nstatic int __maybe_unused nested(int a)\n"
                "{\n\tint add(int b) { return a + b; }\t/* gcc only */\n"
                "\treturn add(1);\n}\n")
    rc, log = make(kdir, d, "CC=%s %s" % (wrapper, CC))
    said = re.search(r"warning: module 'klp_joins': module-scope checks not run: "
                     r"member '[^']*/joins-shadow\.o' has no up-to-date klp-lint facts", log)
    expect(rc == 0 and said and not module_findings(log),
           "a member that could not be analyzed: no join, a warning naming it, the build succeeds")

    for flag, want in (("--help", "usage: klp-lint-cc"), ("--version", "klp-lint-cc ")):
        p = subprocess.run([wrapper, flag], capture_output=True, text=True)
        expect(p.returncode == 0 and p.stdout.startswith(want), "klp-lint-cc %s" % flag)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--klp-lint", required=True)
    ap.add_argument("--work", required=True)
    args = ap.parse_args()
    args.klp_lint = os.path.abspath(args.klp_lint)
    wrapper = os.path.join(os.path.dirname(args.klp_lint), "klp-lint-cc")
    global CACHE
    cache = CACHE = check_kernel.prepare()
    kdir = os.path.join(cache, "root/usr/src/linux-headers-6.12.117+deb12-amd64")
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    exact_joins(args, kdir, wrapper, work)
    failure_policy(args, kdir, wrapper, work)
    print("%d problems" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
