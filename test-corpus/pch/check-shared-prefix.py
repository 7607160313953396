#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""The shared-prefix preamble PCH gives exactly what a full parse gives.

A run over several files (-p <db>, and kbuild's checker, which sees one file
of a directory per process) precompiles the include prefix its files share
on first sight.  The files here share that prefix and then differ: further
includes, a #define that the code below depends on, a macro redefined after
the prefix, a license comment of their own; one file has the same headers in
another order and so no share.  Asserted:

  1. every run's output equals --full-parse's, byte for byte: a cold -p run
     (empty cache), a second and a -j 2 third, and the checker on each file
     from an empty cache;
  2. the cold -p run built exactly one PCH, of exactly the shared directive
     lines (comments dropped), so the comparison did go through it;
  3. the checker built it for the first file already (its siblings share it),
     but not for a lone livepatch beside the plain module it patches (the
     prefilter skips that one, so nothing is shared).
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

SHARED = ("#define pr_fmt(fmt) KBUILD_MODNAME \": \" fmt\n"
          "#include <linux/module.h>\n"
          "#include <linux/livepatch.h>\n")

BODY = """
static void *grab(void *obj)
{
	return klp_shadow_alloc(obj, SV_ID, 8, GFP_KERNEL, NULL, NULL);
}

static struct klp_func funcs[] = {
	{ .old_name = "grab", .new_func = grab },
	{}
};
static struct klp_object objs[] = { { .funcs = funcs }, {} };
static struct klp_state states[] = { { .id = SV_ID }, {} };
static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
};
"""

FILES = {
    # the shared prefix and nothing else
    "a.c": "// SPDX-License-Identifier: GPL-2.0\n" + SHARED
           + "#include <linux/gfp.h>\n#define SV_ID 1\n" + BODY,
    # the shared prefix under another comment, then other headers
    "b.c": "/*\n * b.c - another license block\n */\n\n" + SHARED
           + "#include <linux/slab.h>\n#include <linux/gfp.h>\n#define SV_ID 2\n" + BODY,
    # what the shared prefix defined, redefined after it
    "c.c": SHARED + "#undef pr_fmt\n#define pr_fmt(fmt) \"other: \" fmt\n"
           "#include <linux/gfp.h>\n#define SV_ID 3\n" + BODY,
    # the id comes from a header read only after the prefix
    "d.c": SHARED + "#include <linux/gfp.h>\n#include \"ids.h\"\n" + BODY,
    # the same headers in another order: no share
    "e.c": "#include <linux/livepatch.h>\n#include <linux/module.h>\n"
           "#include <linux/gfp.h>\n#define SV_ID 5\n" + BODY,
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--klp-lint", required=True)
    ap.add_argument("--include", required=True, help="kernel-support/include")
    args = ap.parse_args()
    failed = []

    def run(argv, cwd, cache, flags=None):
        env = dict(os.environ, KLP_LINT_PCH_CACHE=cache)
        env.pop("KLP_LINT_FLAGS", None)
        if flags:
            env["KLP_LINT_FLAGS"] = flags
        r = subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
        return r.stdout

    with tempfile.TemporaryDirectory() as work:
        src = os.path.join(work, "src")
        os.makedirs(src)
        for name, text in FILES.items():
            with open(os.path.join(src, name), "w") as f:
                f.write(text)
        with open(os.path.join(src, "ids.h"), "w") as f:
            f.write("#define SV_ID 4\n")
        flags = ["-I" + args.include, "-D__KERNEL__", "-DMODULE"]
        db = []
        for name in sorted(FILES):
            stem = name[:-2]
            db.append({"directory": src, "file": name,
                       "arguments": ["cc", "-c"] + flags
                       + ["-DKBUILD_MODNAME=\"%s\"" % stem, "-o", stem + ".o", name]})
        with open(os.path.join(src, "compile_commands.json"), "w") as f:
            json.dump(db, f)

        full = run([args.klp_lint, "--full-parse", "-p", src], src, "off")
        if full.count("warning:") < len(FILES):
            failed.append("--full-parse reports fewer warnings than files:\n" + full)

        cache = os.path.join(work, "pch")
        for attempt, jobs in (("cold", "1"), ("second", "1"), ("third, -j 2", "2")):
            fast = run([args.klp_lint, "-p", src, "-j", jobs], src, cache)
            if fast != full:
                failed.append("-p run (%s) differs from --full-parse:\n%s\n---\n%s"
                              % (attempt, fast, full))
            if attempt == "cold":
                headers = [open(h).read() for h in glob.glob(os.path.join(cache, "*.h"))
                           if os.path.exists(h[:-2] + ".pch")]
                if headers != [SHARED]:
                    failed.append("the cold run should build one PCH, of the shared "
                                  "prefix %r; it built %r" % (SHARED, headers))

        # kbuild's checker (C=2): one process per file, from an empty cache.
        cache2 = os.path.join(work, "pch-checker")
        for n, name in enumerate(sorted(FILES)):
            argv = [args.klp_lint] + flags + ["-DKBUILD_MODNAME=\"%s\"" % name[:-2], name]
            want = run(argv, src, "off", flags="--full-parse")
            got = run(argv, src, cache2)
            if got != want or "warning:" not in got:
                failed.append("checker on %s differs from --full-parse (or reports "
                              "nothing):\n%s\n---\n%s" % (name, got, want))
            if n == 0 and not glob.glob(os.path.join(cache2, "*.pch")):
                failed.append("the checker built no shared PCH for the first file")

        # A directory with one livepatch and the plain module it patches:
        # the prefilter skips the module, so nothing is shared and a one-off
        # check builds no PCH.
        solo = os.path.join(work, "solo")
        os.makedirs(solo)
        with open(os.path.join(solo, "lp.c"), "w") as f:
            f.write(FILES["a.c"])
        with open(os.path.join(solo, "target.c"), "w") as f:
            f.write(SHARED + "int target_value;\n")
        cache3 = os.path.join(work, "pch-solo")
        argv = [args.klp_lint] + flags + ["-DKBUILD_MODNAME=\"lp\"", "lp.c"]
        if run(argv, solo, cache3) != run(argv, solo, "off", flags="--full-parse"):
            failed.append("checker on a lone livepatch differs from --full-parse")
        if glob.glob(os.path.join(cache3, "*.pch")):
            failed.append("a lone livepatch beside a plain module built a PCH on "
                          "first sight")

    for f in failed:
        print("FAIL: " + f)
    print("%d problems" % len(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
