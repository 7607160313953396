#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""klp-lint on kpatch-build / klp-build source patches against Debian's 6.12.

prepare-kernel.sh --tree extracts the whole linux-source-6.12 tree and
configures it offline with the .config of Debian's linux-headers package
(make O=tree olddefconfig prepare modules_prepare). This test then:

  1. reads the .cmd files kbuild wrote for samples/livepatch and the
     livepatch selftests (external modules) through klp-lint's kbuild
     database, and asserts it gives exactly the commands of the
     compile_commands.json that scripts/clang-tools/gen_compile_commands.py
     made from the same files (and that without --kbuild-dir it refuses, as
     6.12's .cmd files of an M= build do not name the kernel directory);
  2. writes source patches of its own in the style of kpatch's integration
     tests (test/integration/linux-6.x): shadow-newpid (a shadow variable
     with the bare id 0, allocated in kernel/fork.c, read in
     fs/proc/array.c, freed in kernel/exit.c) and macro-callbacks (kpatch's
     KPATCH_* callbacks in the joydev module, klp-build's KLP_* in the
     pcspkr module, neither header on the tree's include path). The patches
     are generated from the tree at test time, so no kernel code is stored
     here; the expected findings are computed from the lines the patches
     add (file, line, column, message, the note naming patch and hunk);
  3. runs klp-lint --patch on them and asserts exactly those findings (JSON
     output, with and without a preamble PCH), exit code 0, and that the
     source tree is unchanged;
  4. prints the time of the configure step and, per touched file, of
     klp-lint --patch against gcc -c of the same file (docs/performance.md).
"""
import argparse
import difflib
import fcntl
import hashlib
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FAILED = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILED.append(what)


def prepare():
    """The ready cache, and a shared lock on it held for the whole test: a
    concurrent prepare-kernel.sh (which takes the lock exclusively) waits
    instead of rebuilding what this test reads."""
    script = os.path.join(HERE, "prepare-kernel.sh")
    for _ in range(3):
        out = subprocess.run(["bash", script, "--tree"], check=True,
                             stdout=subprocess.PIPE, text=True).stdout
        cache = next((l.split("=", 1)[1] for l in out.splitlines()
                      if l.startswith("KLP_KERNEL_CACHE=")), None)
        if not cache:
            sys.exit("prepare-kernel.sh did not print KLP_KERNEL_CACHE")
        lock = open(os.path.join(cache, ".lock"), "a")
        fcntl.flock(lock, fcntl.LOCK_SH)
        # Another run may have started over between the two steps.
        if subprocess.run(["bash", script, "--print-dir", "--tree"],
                          stdout=subprocess.DEVNULL).returncode == 0:
            return cache, lock
        lock.close()
    sys.exit("the kernel cache keeps being rebuilt by another run")


def run(argv, **kw):
    return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, **kw)


# ---------------------------------------------------------------------------
# 1. The kbuild .cmd database against gen_compile_commands.py's output
# ---------------------------------------------------------------------------

def check_database(klp, cache, work):
    kdir = os.path.join(cache, "root/usr/src/linux-headers-6.12.117+deb12-amd64")
    for sub in ("samples", "selftests"):
        build = os.path.join(cache, "build", sub)
        # Only the .cmd files, where compile_commands.json cannot win.
        cmds = os.path.join(work, "cmd-" + sub)
        os.makedirs(cmds)
        n = 0
        for f in os.listdir(build):
            if f.startswith(".") and f.endswith(".cmd"):
                shutil.copy(os.path.join(build, f), cmds)
                n += 1
        from_json = run([klp, "--dump-compile-commands", "-p", build])
        from_cmd = run([klp, "--dump-compile-commands", "-p", cmds,
                        "--kbuild-dir", kdir])
        check(from_json.returncode == 0 and from_cmd.returncode == 0,
              "%s: both databases read (%s)" % (sub, from_cmd.stderr.strip()))
        if from_json.returncode or from_cmd.returncode:
            continue
        a, b = json.loads(from_cmd.stdout), json.loads(from_json.stdout)
        db = json.load(open(os.path.join(build, "compile_commands.json")))
        want = sorted(({"directory": e["directory"], "file": e["file"],
                        "arguments": shlex.split(e["command"])} for e in db),
                      key=lambda e: e["file"])
        check(len(a) == len(db) > 0,
              "%s: %d .cmd files give %d compile commands, as many as "
              "compile_commands.json" % (sub, n, len(a)))
        check(a == b, "%s: .cmd database == compile_commands.json as clang "
                      "reads it (directory, file, every argument)" % sub)
        check(a == want, "%s: .cmd database == compile_commands.json split "
                         "by a POSIX shell" % sub)
        refused = run([klp, "--dump-compile-commands", "-p", cmds])
        check(refused.returncode == 2 and "--kbuild-dir" in refused.stderr,
              "%s: without --kbuild-dir the M= build's .cmd files are refused "
              "with a hint" % sub)


# ---------------------------------------------------------------------------
# 2. Source patches, written from the tree at test time
# ---------------------------------------------------------------------------

class Edit:
    """Insert lines before or after the one line of a file equal to anchor."""

    def __init__(self, path, anchor, lines, before=False):
        self.path, self.anchor, self.lines, self.before = path, anchor, lines, before


# (patch name, [edits], expected findings). A finding is (file, text of the
# added line it is on, the text its column points at, check, message[,
# severity]); the severity is "warning" unless given.
def bare_id_note(path, line_text, at, fn):
    """shadow-id-literal's note on the bare id 0 passed to fn."""
    return (path, line_text, at, "shadow-id-literal",
            "shadow variable id 0 of %s() is a bare number: name it with a "
            "macro or an enumerator that the state and every shadow call of "
            "this id use; two features that pick the same number share each "
            "other's shadow variables, and an is_shadow state with that id "
            "frees them all; id 0 can never be a state's id (0 ends states[])"
            % fn, "note")


SHADOW_NEWPID = ("shadow-newpid.patch", [
    Edit("fs/proc/array.c",
         "static inline void task_context_switch_counts(struct seq_file *m,",
         ["#include <linux/livepatch.h>"], before=True),
    Edit("fs/proc/array.c",
         "\tseq_put_decimal_ull(m, \"\\nnonvoluntary_ctxt_switches:\\t\", p->nivcsw);",
         ["\tnewpid = klp_shadow_get(p, 0);",
          "\tif (newpid)",
          "\t\tseq_printf(m, \"\\nnewpid:\\t%d\", *newpid);"]),
    Edit("fs/proc/array.c",
         "\tseq_put_decimal_ull(m, \"voluntary_ctxt_switches:\\t\", p->nvcsw);",
         ["\tint *newpid;", ""], before=True),
    Edit("kernel/exit.c", "void __noreturn do_exit(long code)",
         ["#include <linux/livepatch.h>"], before=True),
    Edit("kernel/exit.c", "\texit_thread(tsk);",
         ["", "\tklp_shadow_free(tsk, 0, NULL);"]),
    Edit("kernel/fork.c", "pid_t kernel_clone(struct kernel_clone_args *args)",
         ["#include <linux/livepatch.h>"], before=True),
    Edit("kernel/fork.c", "\tpid_t nr;",
         ["\tint *newpid;", "\tstatic int ctr;"]),
    Edit("kernel/fork.c", "\t\treturn PTR_ERR(p);",
         ["",
          "\tnewpid = klp_shadow_get_or_alloc(p, 0, sizeof(*newpid), GFP_KERNEL,",
          "\t\t\t\t\t NULL, NULL);",
          "\tif (newpid)",
          "\t\t*newpid = ctr++;"]),
], [
    # Generation A semantics (kpatch's headers): id 0 is freed only in the
    # patched do_exit(), never when the patch is disabled, so what fork.c
    # allocates leaks on disable; the read in array.c and the free in exit.c
    # are the same id and get no warning of their own.
    # Each of the three calls spells the id as the bare number 0, as kpatch's
    # shadow-newpid does: a note each (docs/semantics.md#rule-shadow-id-literal).
    bare_id_note("fs/proc/array.c", "\tnewpid = klp_shadow_get(p, 0);", "0);",
                 "klp_shadow_get"),
    bare_id_note("kernel/exit.c", "\tklp_shadow_free(tsk, 0, NULL);",
                 "0, NULL", "klp_shadow_free"),
    bare_id_note("kernel/fork.c",
                 "\tnewpid = klp_shadow_get_or_alloc(p, 0, sizeof(*newpid), GFP_KERNEL,",
                 "0, sizeof", "klp_shadow_get_or_alloc"),
    ("kernel/fork.c",
     "\tnewpid = klp_shadow_get_or_alloc(p, 0, sizeof(*newpid), GFP_KERNEL,",
     "klp_shadow_get_or_alloc", "shadow-id-without-state",
     "shadow variable id 0 allocated by klp_shadow_get_or_alloc() is never "
     "freed when the patch is disabled: no klp_shadow_free() or "
     "klp_shadow_free_all() of this id is reached from a per-object "
     "pre_unpatch or post_unpatch callback, module exit or a module "
     "notifier, so these shadow variables stay allocated after the disable; "
     "with per-state callbacks, a struct klp_state with this id and "
     "is_shadow would free them"),
])


def callbacks(kind, prefix, fn_type, mod):
    lines = [""]
    for role in ("pre_patch", "post_patch", "pre_unpatch", "post_unpatch"):
        ret = "int" if role == "pre_patch" else "void"
        lines += ["static %s %s_%s(%s *obj)" % (ret, mod, role, fn_type),
                  "{",
                  "\tpr_info(\"%s: %s\\n\", __func__, obj->name ?: \"vmlinux\");" % (mod, kind),
                  "\treturn 0;" if role == "pre_patch" else "\treturn;",
                  "}",
                  "%s_%s_CALLBACK(%s_%s);" % (prefix, role.upper(), mod, role)]
    return lines


def callback_findings(path, prefix, mod):
    out = []
    for role in ("pre_patch", "post_patch", "pre_unpatch", "post_unpatch"):
        macro = "%s_%s_CALLBACK" % (prefix, role.upper())
        out.append((path, "%s(%s_%s);" % (macro, mod, role), macro,
                    "callbacks-per-object",
                    "per-object %s callback '%s_%s' registered by %s; an "
                    "atomic replace never runs the replaced patch's "
                    "pre_unpatch or post_unpatch callbacks, so what its "
                    "callbacks set up stays; per-state callbacks fix that: "
                    "move it to the %s callback of a struct klp_state"
                    % (role, mod, role, macro, role)))
    return out


MACRO_CALLBACKS = ("macro-callbacks.patch", [
    Edit("drivers/input/joydev.c", "module_exit(joydev_exit);",
         ["", "#include <linux/module.h>", "#include \"kpatch-macros.h\""]
         + callbacks("kpatch", "KPATCH", "patch_object", "joydev")),
    Edit("drivers/input/misc/pcspkr.c",
         "module_platform_driver(pcspkr_platform_driver);",
         ["", "#include <linux/livepatch.h>",
          "#include <linux/livepatch_helpers.h>"]
         + callbacks("klp-build", "KLP", "struct klp_object", "pcspkr")),
], callback_findings("drivers/input/joydev.c", "KPATCH", "joydev")
   + callback_findings("drivers/input/misc/pcspkr.c", "KLP", "pcspkr"))


def apply_edits(src, edits):
    """{path: (old lines, new lines)} for the edits, applied in order."""
    files = {}
    for e in edits:
        if e.path not in files:
            with open(os.path.join(src, e.path)) as f:
                old = f.read().split("\n")
            if old and old[-1] == "":
                old.pop()  # the newline that ends the last line
            files[e.path] = (old, list(old))
        new = files[e.path][1]
        hits = [i for i, l in enumerate(new) if l == e.anchor]
        if len(hits) != 1:
            sys.exit("%s: anchor %r found %d times" % (e.path, e.anchor, len(hits)))
        at = hits[0] if e.before else hits[0] + 1
        new[at:at] = e.lines
    return files


def write_patch(path, files, only=None):
    """A kpatch-style patch ("diff -Nupr src.orig src") of the edited files;
    returns {file: new lines}."""
    with open(path, "w") as out:
        for f in sorted(files):
            if only and f != only:
                continue
            old, new = files[f]
            out.write("diff -Nupr src.orig/%s src/%s\n" % (f, f))
            for line in difflib.unified_diff(
                    [l + "\n" for l in old], [l + "\n" for l in new],
                    "src.orig/" + f, "src/" + f, n=3):
                out.write(line)
    return {f: files[f][1] for f in files if not only or f == only}


def expected_findings(src, patch_path, patch_name, new_files, exp):
    """The exact JSON findings klp-lint must report for one patch."""
    patch_lines = open(patch_path).read().split("\n")
    out = []
    for path, line_text, at, check_name, message, *severity in exp:
        new = new_files[path]
        lines = [i for i, l in enumerate(new) if l == line_text]
        assert len(lines) == 1, (path, line_text)
        col = line_text.index(at) + 1
        # The "+" line in the patch, and the hunk header before it.
        plines = [i for i, l in enumerate(patch_lines) if l == "+" + line_text]
        assert len(plines) == 1, (patch_name, line_text)
        header = next(patch_lines[i] for i in range(plines[0], -1, -1)
                      if patch_lines[i].startswith("@@ "))
        out.append({
            "check": check_name, "severity": (severity or ["warning"])[0],
            "promoted": False,
            "file": os.path.join(src, path), "line": lines[0] + 1,
            "column": col, "message": message,
            "notes": [{"file": patch_path, "line": plines[0] + 1,
                       "column": col + 1,
                       "message": "in %s, hunk %s" % (patch_name, header)}]})
    return sorted(out, key=lambda f: (f["file"], f["line"], f["column"]))


def tree_digest(src, paths):
    h = hashlib.sha256()
    for p in sorted(paths):
        st = os.stat(os.path.join(src, p))
        h.update(p.encode())
        h.update(open(os.path.join(src, p), "rb").read())
        h.update(str(st.st_mtime_ns).encode())
    return h.hexdigest()


def lint(klp, patches, src, tree, env, fmt="json"):
    argv = [klp, "--format=" + fmt, "--kernel-tree", src, "-p", tree]
    for p in patches:
        argv += ["--patch", p]
    return run(argv, env=env)


def check_patches(klp, cache, work):
    src, tree = os.path.join(cache, "src"), os.path.join(cache, "tree")
    results = []
    for name, edits, exp in (SHADOW_NEWPID, MACRO_CALLBACKS):
        files = apply_edits(src, edits)
        patch = os.path.join(work, name)
        new_files = write_patch(patch, files)
        results.append((name, patch, files, expected_findings(
            src, patch, name, new_files, exp)))
    touched = sorted({f for _, _, files, _ in results for f in files})
    before = tree_digest(src, touched)

    env = dict(os.environ, KLP_LINT_PCH_CACHE="off")
    pch_env = dict(os.environ, KLP_LINT_PCH_CACHE=os.path.join(work, "pch"))
    for name, patch, files, want in results:
        for label, e, times in (("no PCH", env, 1), ("PCH", pch_env, 3)):
            for _ in range(times):  # the PCH is built the second time
                proc = lint(klp, [patch], src, tree, e)
            got = json.loads(proc.stdout)["findings"] if proc.stdout else []
            for g in got:
                g.pop("fingerprint", None)
            check(proc.returncode == 0,
                  "%s (%s): exit 0 (%s)" % (name, label, proc.stderr.strip()[-300:]))
            check(got == want, "%s (%s): exactly the %d expected findings"
                  % (name, label, len(want)))
            if got != want:
                print("  expected:\n" + json.dumps(want, indent=1))
                print("  got:\n" + json.dumps(got, indent=1))
    # Both patches as a series: the union.
    proc = lint(klp, [r[1] for r in results], src, tree, env)
    got = json.loads(proc.stdout)["findings"]
    for g in got:
        g.pop("fingerprint", None)
    want = sorted((f for r in results for f in r[3]),
                  key=lambda f: (f["file"], f["line"], f["column"]))
    check(proc.returncode == 0 and got == want,
          "series of both patches: the %d findings of both" % len(want))
    # Text: the same findings, no failure line; a note-level finding and
    # each finding's note are ": note: " lines.
    proc = lint(klp, [r[1] for r in results], src, tree, env, fmt="text")
    warnings = sum(f["severity"] == "warning" for f in want)
    notes = len(want) - warnings + sum(len(f["notes"]) for f in want)
    check(proc.returncode == 0 and "klp-lint: error" not in proc.stderr and
          proc.stderr.count(": warning: ") == warnings and
          proc.stderr.count(": note: ") == notes,
          "text output: %d warnings and %d notes, no error" % (warnings, notes))
    check(tree_digest(src, touched) == before,
          "the source tree is unchanged (%d touched files: contents and times)"
          % len(touched))
    return results


# ---------------------------------------------------------------------------
# 4. Timings
# ---------------------------------------------------------------------------

def compile_command(src, tree, path):
    """gcc's command for one object, as kbuild would run it (make -n)."""
    obj = path[:-2] + ".o"
    out = run(["make", "-C", src, "O=" + tree, "--no-print-directory", "-n",
               "V=1", obj], env={k: v for k, v in os.environ.items()
                                 if not k.startswith("MAKE")}).stdout
    for line in out.split("\n"):
        if " -c -o " + obj + " " not in line:
            continue
        lex = shlex.shlex(line, posix=True, punctuation_chars=";&|")
        lex.whitespace_split = True
        words = []
        for tok in list(lex) + [";"]:
            if tok and set(tok) <= set(";&|"):
                if words and words[0] != "echo" and words[-1].endswith(path) \
                        and "-c" in words:
                    return words
                words = []
            else:
                words.append(tok)
    sys.exit("no compile command for " + path)


def median_time(argv, repeat, **kw):
    times = []
    for _ in range(repeat):
        t = time.monotonic()
        p = subprocess.run(argv, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, **kw)
        times.append(time.monotonic() - t)
        if p.returncode != 0:
            sys.exit("%s failed (%d)" % (argv[0], p.returncode))
    return statistics.median(times)


def timings(klp, cache, work, results, repeat):
    src, tree = os.path.join(cache, "src"), os.path.join(cache, "tree")
    stamp = open(os.path.join(tree, ".stamp")).read()
    m = re.search(r"^configure_seconds=(\S+)$", stamp, re.M)
    print("\nconfigure (make O=tree olddefconfig prepare modules_prepare): %s s"
          % (m.group(1) if m else "?"))
    print("%-28s %9s %9s %9s %9s" % ("file", "gcc -c", "make -n", "klp-lint",
                                     "klp+PCH"))
    for name, patch, files, _ in results:
        for path in sorted(files):
            single = os.path.join(work, "one-" + path.replace("/", "-") + ".patch")
            write_patch(single, files, only=path)
            words = compile_command(src, tree, path)
            obj = os.path.join(work, "timing.o")
            gcc = [w for w in words if not w.startswith("-Wp,-MMD")]
            gcc[gcc.index("-o") + 1] = obj
            t_gcc = median_time(gcc, repeat, cwd=tree)
            t_make = median_time(["make", "-C", src, "O=" + tree,
                                  "--no-print-directory", "-n", "V=1",
                                  path[:-2] + ".o"], repeat)
            argv = [klp, "--kernel-tree", src, "-p", tree, "--patch", single]
            t_klp = median_time(argv, repeat,
                                env=dict(os.environ, KLP_LINT_PCH_CACHE="off"))
            cache_dir = os.path.join(work, "pch-timing")
            warm = dict(os.environ, KLP_LINT_PCH_CACHE=cache_dir)
            median_time(argv, 2, env=warm)  # builds the PCH
            t_pch = median_time(argv, repeat, env=warm)
            print("%-28s %8.2fs %8.2fs %8.2fs %8.2fs"
                  % (path, t_gcc, t_make, t_klp, t_pch))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--klp-lint", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs per timing (median); 0: no timings")
    args = ap.parse_args()
    cache, _lock = prepare()
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    check_database(args.klp_lint, cache, args.work)
    results = check_patches(args.klp_lint, cache, args.work)
    if args.repeat and not FAILED:
        timings(args.klp_lint, cache, args.work, results, args.repeat)
    if FAILED:
        print("\n%d check(s) failed" % len(FAILED))
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
