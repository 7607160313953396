#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""The bad-input matrix: every input gives its exact message and exit 2, or
exit 0 where it is valid; never a crash (a signal, an exit code above 2, a
sanitizer report), never a hang. Run by ctest "robustness" in the release
and the ASan+UBSan build alike.

Each case builds its input in a scratch directory, runs klp-lint with a
time limit, and checks the exit code and a regular expression over its
output. The large inputs print their wall time and peak RSS (recorded in
docs/performance.md, "Bad and large inputs").
"""
import argparse
import json
import os
import re
import signal
import shutil
import subprocess
import sys
import threading
import time

LIVEPATCH = """#include <linux/livepatch.h>
#include <linux/module.h>

static struct klp_func funcs[] = { { .old_name = "open" }, {} };
static struct klp_object objs[] = { { .funcs = funcs }, {} };
static struct klp_patch patch = { .mod = THIS_MODULE, .objs = objs };

void *peek(void *obj) { return klp_shadow_get(obj, 3); }
"""
FINDING = r"warning: shadow variable id 3 used by klp_shadow_get\(\) matches no state"


def write(path, text, mode="w"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as f:
        f.write(text)
    return path


class Case:
    def __init__(self, name, setup, args, rc, pattern, large=False, user=None,
                 timeout=300):
        self.name, self.setup, self.args, self.rc = name, setup, args, rc
        self.pattern, self.large, self.user, self.timeout = pattern, large, user, timeout


def db(entries):
    return json.dumps(entries, indent=1)


def cases(ks_include):
    def c_file(d, name="lp.c", text=LIVEPATCH):
        return write(os.path.join(d, name), text)

    def big_file(d):
        # ~50 MB: 400,000 small functions, one of them a finding.
        path = os.path.join(d, "big.c")
        with open(path, "w") as f:
            f.write(LIVEPATCH)
            body = "int fn_%d(int a) { int b = a * %d; if (b > 7) return b - 3; return a + b; }\n"
            for i in range(470000):
                f.write(body % (i, i))
        return path

    def nested(d):
        return c_file(d, "nested.c", "void f(void) " + "{" * 5000 + "}" * 5000 + "\n")

    def exponential(d):
        lines = ["#define E0 1"] + ["#define E%d (E%d + E%d)" % (i, i - 1, i - 1)
                                    for i in range(1, 21)]
        return c_file(d, "expo.c", LIVEPATCH + "\n".join(lines) + "\nint expo = E20;\n")

    def cycle(d):
        write(os.path.join(d, "a.h"), '#include "b.h"\n')
        write(os.path.join(d, "b.h"), '#include "a.h"\n')
        return c_file(d, "cycle.c", '#include "a.h"\n' + LIVEPATCH)

    def huge_db(d):
        entries = []
        for i in range(10000):
            f = os.path.join(d, "src", "f%05d.c" % i)
            entries.append({"directory": d, "file": f,
                            "arguments": ["gcc", "-I" + ks_include,
                                          '-DKBUILD_MODNAME="m%05d"' % i, "-c", f]})
        write(os.path.join(d, "db", "compile_commands.json"), db(entries))
        c_file(os.path.join(d, "src"), "f00042.c")
        return "db"

    def spaces(d):
        return c_file(os.path.join(d, "dir with spaces", "ünïcödé"), "live patch.c")

    def loop(d):
        os.symlink("loop.c", os.path.join(d, "loop.c"))
        return "loop.c"

    def fifo(d):
        os.mkfifo(os.path.join(d, "fifo.c"))
        return "fifo.c"

    def unreadable(d):
        p = c_file(d, "secret.c")
        os.chmod(p, 0)
        os.chmod(d, 0o755)
        return p

    def git_repo(d):
        c_file(d)
        subprocess.run(["git", "init", "-q", d], check=True)
        return "lp.c"

    return [
        Case("missing file", lambda d: "nope.c", ["{0}"], 2,
             r"klp-lint: error: cannot analyze '.*/nope.c': no such file\n"),
        Case("directory", lambda d: os.makedirs(os.path.join(d, "sub")) or "sub", ["{0}"], 2,
             r"cannot analyze '.*/sub': is a directory, not a source file"),
        Case("empty file", lambda d: c_file(d, "empty.c", ""), ["{0}"], 0, r"^$"),
        Case("unreadable file", unreadable, ["{0}"], 2,
             r"klp-lint: error: cannot analyze '.*/secret.c': cannot read it: Permission denied\n", user="nobody"),
        Case("binary garbage", lambda d: write(os.path.join(d, "garbage.c"),
                                               bytes(range(256)) * 64, "wb"),
             ["{0}"], 2, r"cannot analyze '.*/garbage.c': \d+ compiler errors?"),
        Case("NUL bytes", lambda d: write(os.path.join(d, "nul.c"),
                                          LIVEPATCH.encode().replace(b"\n\n", b"\n\0\0\n"), "wb"),
             ["{0}"], 0, FINDING),
        Case("50 MB C file", big_file, ["{0}"], 0, FINDING, large=True, timeout=900),
        Case("5,000 nested braces", nested, ["{0}"], 2,
             r"bracket nesting level exceeded maximum of 256[\s\S]*cannot analyze '.*/nested.c': \d+ compiler errors?"),
        Case("exponential macro", exponential, ["{0}"], 0, FINDING, large=True),
        Case("missing header", lambda d: c_file(d, "hdr.c", '#include "no-such.h"\n' + LIVEPATCH),
             ["{0}"], 2, r"'no-such.h' file not found[\s\S]*cannot analyze '.*/hdr.c': 1 compiler error"),
        Case("include cycle", cycle, ["{0}"], 2,
             r"error: #include nested too deeply[\s\S]*cannot analyze '.*/cycle.c': 1 compiler error"),
        Case("#error", lambda d: c_file(d, "err.c", '#error "stop here"\n' + LIVEPATCH),
             ["{0}"], 2, r'error: "stop here"[\s\S]*cannot analyze \'.*/err.c\': 1 compiler error'),
        Case("broken compile database", lambda d: write(os.path.join(d, "db", "compile_commands.json"), "[{,") and "db",
             ["-p", "{0}"], 2, r"cannot read compile database in 'db'"),
        Case("empty compile database", lambda d: write(os.path.join(d, "db", "compile_commands.json"), "[]") and "db",
             ["-p", "{0}"], 2, r"klp-lint: error: no input files"),
        Case("compile database of 10,000 entries", huge_db, ["-p", "{0}", "src/f00042.c"], 0,
             FINDING, large=True),
        Case("-p at a file", lambda d: c_file(d), ["-p", "{0}"], 2,
             r"cannot read compile database in '.*lp.c'"),
        Case("--checks=[", lambda d: c_file(d), ["--checks=[", "{0}"], 2,
             r"klp-lint: error: --checks: .*'\['"),
        Case("-j 0", lambda d: c_file(d), ["-j", "0", "{0}"], 2,
             r"klp-lint: error: invalid -j 0: expected at least 1"),
        Case("--shard=3/2", lambda d: c_file(d), ["--shard=3/2", "{0}"], 2,
             r"klp-lint: error: invalid --shard '3/2': expected i/n with 1 <= i <= n"),
        Case("bad --line-filter JSON", lambda d: c_file(d), ["--line-filter=[{", "{0}"], 2,
             r"klp-lint: error: invalid --line-filter: "),
        Case("bad YAML config", lambda d: write(os.path.join(d, ".klp-lint.yaml"), "Checks: [\n") and c_file(d),
             ["{0}"], 2, r"\.klp-lint\.yaml"),
        Case("corrupt baseline", lambda d: write(os.path.join(d, "b.json"), "{\"fingerprints\": 3") and c_file(d),
             ["--baseline=b.json", "{0}"], 2, r"klp-lint: error: invalid baseline 'b.json'"),
        Case("--diff outside git", lambda d: c_file(d), ["--diff=HEAD", "{0}"], 2,
             r"klp-lint: error: --diff: not inside a git work tree"),
        Case("--diff with a bad revision", git_repo, ["--diff=no-such-rev", "{0}"], 2,
             r"klp-lint: error: --diff: unknown revision 'no-such-rev'"),
        Case("paths with spaces and UTF-8", spaces, ["{0}"], 0,
             r"dir with spaces/ünïcödé/live patch.c:8:\d+: " + FINDING),
        Case("symlink loop", loop, ["{0}"], 2,
             r"klp-lint: error: cannot analyze '.*/loop.c': Too many levels of symbolic links\n"),
        Case("FIFO", fifo, ["{0}"], 2,
             r"klp-lint: error: cannot analyze '.*/fifo.c': not a regular file\n", timeout=30),
    ]


def run(klp, case, work):
    d = os.path.join(work, re.sub(r"[^\w]+", "-", case.name).strip("-"))
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    target = case.setup(d)
    argv = [klp] + [a.replace("{0}", target) for a in case.args]
    env = dict(os.environ, GIT_CEILING_DIRECTORIES=work, KLP_LINT_PCH_CACHE="off")
    pre = []
    if case.user:
        if os.geteuid() != 0:
            return None, "needs root to run as %s" % case.user, 0
        os.chmod(work, 0o755)
        pre = ["setpriv", "--reuid=%s" % case.user, "--regid=nogroup", "--clear-groups", "--"]
    # fork, exec and wait4: the child's own peak RSS, not the largest of all
    # children so far.
    out_path = os.path.join(d, ".klp-lint.out")
    with open(out_path, "wb") as out_file:
        start = time.monotonic()
        pid = os.fork()
        if pid == 0:
            try:
                os.chdir(d)
                null = os.open("/dev/null", os.O_RDONLY)
                os.dup2(null, 0)
                os.dup2(out_file.fileno(), 1)
                os.dup2(out_file.fileno(), 2)
                cmd = pre + argv
                os.execvpe(cmd[0], cmd, env)
            finally:
                os._exit(127)
        timer = threading.Timer(case.timeout, lambda: os.kill(pid, signal.SIGKILL))
        timer.start()
        _, status, usage = os.wait4(pid, 0)
        timer.cancel()
    rc = os.waitstatus_to_exitcode(status)
    if rc == -signal.SIGKILL and time.monotonic() - start >= case.timeout:
        return False, "hung (killed after %d s)" % case.timeout, 0
    wall = time.monotonic() - start
    text = open(out_path, "rb").read().decode("utf-8", "replace")
    problems = []
    if rc < 0 or rc > 2:
        problems.append("exit %d (a crash?)" % rc)
    elif rc != case.rc:
        problems.append("exit %d, want %d" % (rc, case.rc))
    if re.search(r"AddressSanitizer|runtime error:|LLVM ERROR|Stack dump", text):
        problems.append("sanitizer or LLVM report")
    if not re.search(case.pattern, text):
        problems.append("output does not match /%s/" % case.pattern)
    detail = "%.1f s" % wall
    if problems:
        return False, "; ".join(problems) + "\n" + text[-800:], usage.ru_maxrss
    return True, detail, usage.ru_maxrss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--klp-lint", required=True)
    ap.add_argument("--include", required=True, help="kernel-support/include")
    ap.add_argument("--work", required=True)
    args = ap.parse_args()
    klp = os.path.abspath(args.klp_lint)
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    failed = 0
    for case in cases(os.path.abspath(args.include)):
        ok, detail, rss = run(klp, case, work)
        if ok is None:
            print("skip: %s (%s)" % (case.name, detail))
            continue
        if case.large and ok:
            detail += ", peak RSS %d MB" % (rss // 1024)
        print("%s: %s (%s)" % ("ok" if ok else "FAIL", case.name, detail))
        failed += not ok
    print("%d problems" % failed)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
