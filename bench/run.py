#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""klp-lint performance benchmark (issue 6).

Measures, in one interleaved run on the 18 Debian 6.12.117 livepatch sources
built by test-corpus/kernel/prepare-kernel.sh, with their real kbuild command
lines:

  1. per translation unit: klp-lint (fast path), klp-lint --full-parse,
     clang-19 -fsyntax-only, sparse (as kbuild runs it) and gcc-12 -c (the
     compile database command itself); time and peak RSS;
  2. kbuild `make C=2` over the 7 samples with CHECK=true, CHECK=sparse and
     CHECK=<klp-lint> (objects up to date, so make only runs the checker);
  3. the compiler wrapper klp-lint-cc on the non-livepatch TUs against gcc-12
     alone;
  4. scaling: klp-lint -p <combined database of all 18 TUs> -j 1 vs -j 2,
     and -j 4 / -j 8 over the corpus copied four times (72 TUs);
  5. cold runs (issue 15): an empty private PCH cache every round, one
     klp-lint -p over the 18 TUs and make C=2 CHECK=klp-lint, each at -j 1
     and -j 2, against sparse over the same TUs at the same parallelism;
  6. issue 6's and issue 15's targets as PASS/FAIL lines from the same run.

Every round runs every measurement once, in an order that rotates from round
to round; the reported figure for each measurement is the median over rounds.
See bench/README.md and docs/performance.md.
"""

import argparse
import atexit
import datetime
import hashlib
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PREPARE = os.path.join(REPO, "test-corpus", "kernel", "prepare-kernel.sh")

# Non-livepatch TUs of the corpus (the modules that the livepatches patch).
NON_LIVEPATCH = [
    "livepatch-shadow-mod.c",
    "livepatch-callbacks-mod.c",
    "livepatch-callbacks-busymod.c",
    "test_klp_callbacks_mod.c",
    "test_klp_callbacks_busy.c",
]
# The text the wrapper's pre-filter looks for.
# The wrapper's prefilter: klp_, KPATCH_ or KLP_ at the start of a word.
MENTION_RE = re.compile(r"(?<![A-Za-z0-9_])(?:klp_|KPATCH_|KLP_)")

# Flags in the gcc-12 command lines that clang-19 rejects.
CLANG_REJECTS = {
    "-fconserve-stack",
    "-mindirect-branch=thunk-extern",
    "-mindirect-branch-register",
    "-fno-allow-store-data-races",
    "-mpreferred-stack-boundary=3",
    "-mrecord-mcount",
}
# kbuild's CHECKFLAGS for x86_64, exactly as `make C=2 V=1` prints them for
# this kernel: $(CHECK) $(CHECKFLAGS) $(c_flags) file.c
SPARSE_CHECKFLAGS = [
    "-D__linux__", "-Dlinux", "-D__STDC__", "-Dunix", "-D__unix__",
    "-Wbitwise", "-Wno-return-void", "-Wno-unknown-attribute",
    "-D__x86_64__", "--arch=x86", "-mlittle-endian", "-m64",
]
# Environment variables that must not leak into kbuild (as prepare-kernel.sh).
MAKE_UNSET = ["MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES",
              "KBUILD_OUTPUT", "O", "M", "KBUILD_EXTMOD", "ARCH",
              "CROSS_COMPILE", "CC", "LD", "KCFLAGS", "KCPPFLAGS",
              "KBUILD_VERBOSE", "V", "C", "CHECK"]

# klp-lint's preamble PCH cache (analyzer/Preamble.h): a directory, or "off".
PCH_ENV = "KLP_LINT_PCH_CACHE"

KLP = "klp-lint"                           # fast path, warm PCH cache
KLP_NOPCH = "klp-lint, no PCH cache"       # fast path, PCH cache off
KLP_FULL = "klp-lint --full-parse"         # plain full parse
BASE = "baseline klp-lint"                 # --baseline: another build, warm PCH
BASE_NOPCH = "baseline klp-lint, no PCH cache"
CLANG, SPARSE, GCC = "clang-19 -fsyntax-only", "sparse", "gcc-12 -c"
WRAPPER = "klp-lint-cc"


def die(msg):
    print("bench: error: " + msg, file=sys.stderr)
    sys.exit(1)


def note(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# Running one process and measuring it
# ---------------------------------------------------------------------------
class Failure(Exception):
    pass


def run_measured(argv, cwd, env=None):
    """Run argv; return (wall seconds, ru_maxrss in KiB, user+sys CPU
    seconds).  The rusage comes from os.wait4 on this very child; Linux
    includes the descendants it waited for (gcc's cc1 and as, make's
    checkers): the maximum for ru_maxrss, the sum for CPU time."""
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    t = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        r = subprocess.run(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                           capture_output=True, text=True, errors="replace")
        raise Failure("exit status %d: %s\n(cwd %s)\n%s" % (
            p.returncode, shlex.join(argv), cwd, (r.stdout + r.stderr)[-3000:]))
    return t, ru.ru_maxrss, ru.ru_utime + ru.ru_stime


def run_pool(cmds, jobs):
    """Run (argv, cwd, env) commands, at most `jobs` at a time, as make -j
    would; return (wall seconds, largest ru_maxrss, summed CPU seconds)."""
    t0 = time.perf_counter()
    pending, running = list(cmds), {}
    rss, cpu = 0, 0.0
    while pending or running:
        while pending and len(running) < jobs:
            argv, cwd, env = pending.pop(0)
            p = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # Keep the Popen: one collected while running would be reaped
            # by subprocess itself, behind this wait4's back.
            running[p.pid] = (p, argv)
        pid, status, ru = os.wait4(-1, 0)
        if pid not in running:
            continue
        p, argv = running.pop(pid)
        p.returncode = os.waitstatus_to_exitcode(status)
        rss = max(rss, ru.ru_maxrss)
        cpu += ru.ru_utime + ru.ru_stime
        if os.waitstatus_to_exitcode(status) != 0:
            raise Failure("exit status %d: %s" % (os.waitstatus_to_exitcode(status),
                                                  shlex.join(argv)))
    return time.perf_counter() - t0, rss, cpu


def duplicate_corpus(tus, root, copies):
    """The 18 sources copied `copies` times under root (each directory with
    every .c and .h of the original, for the files a source includes) and
    one compile database of all copies: a bigger run of the same work."""
    entries = []
    for k in range(copies):
        for d in sorted(set(os.path.dirname(e["file"]) for e in tus)):
            dst = os.path.join(root, str(k), os.path.basename(d))
            os.makedirs(dst, exist_ok=True)
            for f in os.listdir(d):
                if f.endswith((".c", ".h")):
                    shutil.copy2(os.path.join(d, f), dst)
        for e in tus:
            src_dir = os.path.dirname(e["file"])
            dst_dir = os.path.join(root, str(k), os.path.basename(src_dir))
            raw = json.loads(json.dumps(e["raw"]).replace(src_dir + "/", dst_dir + "/"))
            entries.append(raw)
    with open(os.path.join(root, "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=1)
    return len(entries)


def first_line(argv):
    try:
        r = subprocess.run(argv, capture_output=True, text=True, timeout=30)
        out = (r.stdout or r.stderr).strip().splitlines()
        return out[0] if out else "(no output)"
    except OSError as e:
        return "(%s)" % e


# ---------------------------------------------------------------------------
# Setup
# ---------------------------------------------------------------------------
def prepare_kernel():
    note("preparing the kernel cache: bash %s" % PREPARE)
    r = subprocess.run(["bash", PREPARE], stdout=subprocess.PIPE, text=True)
    if r.returncode != 0:
        die("prepare-kernel.sh failed (exit %d)" % r.returncode)
    for line in r.stdout.splitlines():
        if line.startswith("KLP_KERNEL_CACHE="):
            return line.split("=", 1)[1]
    die("prepare-kernel.sh printed no KLP_KERNEL_CACHE=")


def ensure_sparse(sparse):
    if shutil.which(sparse):
        return
    if sparse != "sparse":
        die("%s not found" % sparse)
    cmd = ["apt-get", "install", "-y", "--no-install-recommends", "sparse"]
    if os.geteuid() != 0:
        if not shutil.which("sudo"):
            die("sparse is not installed; run as root (or with sudo) to let "
                "the benchmark apt-get install it")
        cmd = ["sudo"] + cmd
    note("installing sparse: " + " ".join(cmd))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    if subprocess.run(cmd, env=env).returncode != 0:
        upd = (["sudo"] if cmd[0] == "sudo" else []) + ["apt-get", "update"]
        subprocess.run(upd, env=env)
        if subprocess.run(cmd, env=env).returncode != 0:
            die("apt-get install sparse failed")
    if not shutil.which("sparse"):
        die("sparse still not found after installing it")


def load_db(path):
    out = []
    for e in json.load(open(path)):
        args = e.get("arguments") or shlex.split(e["command"])
        out.append({"file": os.path.normpath(os.path.join(e["directory"], e["file"])),
                    "directory": e["directory"], "args": args, "raw": e})
    return out


def strip_for_checker(args):
    """c_flags of a db command: without the compiler, -c, -o X, -Wp,..."""
    out, i = [], 1
    while i < len(args):
        a = args[i]
        if a == "-o":
            i += 2
            continue
        if a == "-c" or a.startswith("-Wp,"):
            i += 1
            continue
        out.append(a)
        i += 1
    return out


def with_outputs(args, obj, dep):
    """The db command with its -o object and -Wp,-MMD dependency file moved
    into a temporary directory (nothing else changes)."""
    out, i = [], 0
    while i < len(args):
        a = args[i]
        if a == "-o":
            out += ["-o", obj]
            i += 2
            continue
        if a.startswith("-Wp,-MMD,") or a.startswith("-Wp,-MD,"):
            a = a.split(",", 2)[0] + "," + a.split(",", 2)[1] + "," + dep
        out.append(a)
        i += 1
    return out


def make_env():
    env = {k: v for k, v in os.environ.items() if k not in MAKE_UNSET}
    env["LC_ALL"] = "C"
    return env


def file_digest(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def machine_info():
    model = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_kb = 0
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    except OSError:
        pass
    try:
        nproc = int(subprocess.run(["nproc"], capture_output=True,
                                   text=True).stdout.strip())
    except (OSError, ValueError):
        nproc = os.cpu_count()
    return {"nproc": nproc, "cpu_model": model,
            "mem_total_gib": round(mem_kb / 1048576, 1),
            "kernel": platform.release(), "loadavg_start": os.getloadavg()}


def git_state():
    try:
        head = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain",
                                "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        return head + (" + uncommitted changes" if dirty else "")
    except OSError:
        return "unknown"


# ---------------------------------------------------------------------------
# Statistics and formatting
# ---------------------------------------------------------------------------
def med(xs):
    return statistics.median(xs)


def ratio(a, b):
    return a / b if b else float("nan")


def fmt_s(x):
    return "%.3f s" % x


def fmt_mb(kib):
    return "%.0f MB" % (kib / 1024.0)


def fmt_x(x):
    return "%.2fx" % x


def table(rows, header):
    rows = [header] + [list(r) + [""] * (len(header) - len(r)) for r in rows]
    w = [max(len(str(r[i])) for r in rows) for i in range(len(header))]
    lines = []
    for n, r in enumerate(rows):
        cells = [str(c).ljust(w[i]) if i == 0 else str(c).rjust(w[i])
                 for i, c in enumerate(r)]
        lines.append("  " + "  ".join(cells).rstrip())
        if n == 0:
            lines.append("  " + "  ".join("-" * x for x in w))
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(
        description="klp-lint performance benchmark (issue 6): klp-lint vs "
        "clang-19 -fsyntax-only, sparse and gcc-12 on the Debian 6.12.117 "
        "livepatch sources, interleaved, medians over rounds.")
    ap.add_argument("--rounds", type=int, default=7,
                    help="measurement rounds (default 7; issue 6 asks for >= 5)")
    ap.add_argument("--json", metavar="FILE",
                    help="also write all raw numbers to FILE")
    ap.add_argument("--klp-lint", default=os.path.join(REPO, "build", "bin", "klp-lint"),
                    help="klp-lint binary (default: build/bin/klp-lint of this tree)")
    ap.add_argument("--baseline", metavar="KLP_LINT",
                    help="also measure this klp-lint binary (e.g. a build of the "
                    "previous commit) per TU, interleaved, with its own PCH cache: "
                    "before/after in one run")
    ap.add_argument("--clang", default="clang-19")
    ap.add_argument("--sparse", default="sparse")
    args = ap.parse_args()
    if args.rounds < 1:
        die("--rounds must be >= 1")
    if args.rounds < 5:
        note("warning: %d rounds; issue 6 asks for at least 5" % args.rounds)

    t_start = time.perf_counter()
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    klp_src = os.path.abspath(args.klp_lint)
    if not os.access(klp_src, os.X_OK):
        die("%s is not an executable; build klp-lint first (cmake --build build)"
            % klp_src)
    for tool in (args.clang, "make"):
        if not shutil.which(tool):
            die("%s not found" % tool)
    ensure_sparse(args.sparse)
    work = tempfile.mkdtemp(prefix="klp-bench.")
    atexit.register(shutil.rmtree, work, True)
    # Measure a private copy, so that a rebuild of the tree's binary during
    # the run cannot mix builds (or make the file briefly unexecutable).
    # klp-lint finds clang's resource directory by a compiled-in path, not
    # relative to the executable, so the copy behaves the same.
    os.makedirs(os.path.join(work, "bin"))
    klp = os.path.join(work, "bin", "klp-lint")
    shutil.copy2(klp_src, klp)
    # klp-lint-cc is a separate, light binary that hands livepatch TUs to
    # the klp-lint next to it.
    klp_cc = os.path.join(work, "bin", "klp-lint-cc")
    shutil.copy2(os.path.join(os.path.dirname(klp_src), "klp-lint-cc"), klp_cc)
    klp_digest = file_digest(klp)
    klp_mtime = os.path.getmtime(klp)
    args.baseline_copy = None
    if args.baseline:
        if not os.access(args.baseline, os.X_OK):
            die("--baseline %s is not an executable" % args.baseline)
        os.makedirs(os.path.join(work, "base"))
        args.baseline_copy = os.path.join(work, "base", "klp-lint")
        shutil.copy2(args.baseline, args.baseline_copy)

    cache = prepare_kernel()
    dirs = {name: os.path.join(cache, "build", name) for name in ("samples", "selftests")}
    tus = []  # one dict per TU
    for name, d in dirs.items():
        for e in load_db(os.path.join(d, "compile_commands.json")):
            e["dbdir"] = d
            e["group"] = name
            e["name"] = os.path.basename(e["file"])
            tus.append(e)
    tus.sort(key=lambda e: (e["group"], e["name"]))
    if len(tus) != 18:
        die("expected 18 entries in the two compile databases, found %d" % len(tus))
    kdir = tus[0]["directory"]
    names = [e["name"] for e in tus]
    for n in NON_LIVEPATCH:
        if n not in names:
            die("non-livepatch TU %s not in the databases" % n)
    gcc = tus[0]["args"][0]
    if not shutil.which(gcc):
        die("%s (the compiler of the compile database) not found" % gcc)

    return run(args, klp_src, klp, klp_cc, klp_digest, klp_mtime, cache, dirs,
               tus, kdir, gcc, work, date, t_start)


def run(args, klp_src, klp, klp_cc, klp_digest, klp_mtime, cache, dirs, tus, kdir,
        gcc, work, date, t_start):
    m = machine_info()  # load average before any measurement
    # --- pre-filter text of the non-livepatch TUs -------------------------
    mentions = {}
    for e in tus:
        if e["name"] in NON_LIVEPATCH:
            text = open(e["file"], errors="replace").read()
            hits = sorted(set(m_.group(0) for m_ in MENTION_RE.finditer(text)))
            words = sorted(set(re.findall(r"\w*(?:klp_|KPATCH_|KLP_)\w*", text)))
            mentions[e["name"]] = {"count": len(MENTION_RE.findall(text)),
                                   "patterns": hits, "words": words}
            if hits:
                note("warning: %s is not a livepatch but its text contains %s "
                     "(in %s), so the wrapper's pre-filter does not skip it"
                     % (e["name"], "/".join(hits), ", ".join(words)))

    # --- environments ------------------------------------------------------
    # klp-lint gets a private PCH cache (never the user's ~/.cache), warmed
    # before the rounds; the "no PCH cache" rows turn it off.
    pch_dir = os.path.join(work, "pch")
    env_pch = dict(os.environ, **{PCH_ENV: pch_dir})
    env_nopch = dict(os.environ, **{PCH_ENV: "off"})
    menv = make_env()
    menv_pch = dict(menv, **{PCH_ENV: pch_dir})
    menv_nopch = dict(menv, **{PCH_ENV: "off"})
    env_base = dict(os.environ, **{PCH_ENV: os.path.join(work, "base-pch")})

    # --- commands: tool -> (argv, env) --------------------------------------
    tmpobj = os.path.join(work, "obj")
    os.makedirs(tmpobj)
    for i, e in enumerate(tus):
        stem = "%02d-%s" % (i, e["name"][:-2])
        obj = os.path.join(tmpobj, stem + ".o")
        dep = os.path.join(tmpobj, "." + stem + ".o.d")
        gcc_argv = with_outputs(e["args"], obj, dep)
        cflags = strip_for_checker(e["args"])
        clang_flags = [a for a in cflags if a not in CLANG_REJECTS]
        klp_argv = [klp, "-p", e["dbdir"], e["file"]]
        e["cmd"] = {
            KLP: (klp_argv, env_pch),
            KLP_NOPCH: (klp_argv, env_nopch),
            KLP_FULL: ([klp, "--full-parse", "-p", e["dbdir"], e["file"]], env_nopch),
            CLANG: ([args.clang, "--target=x86_64-linux-gnu", "-fsyntax-only"]
                    + clang_flags, None),
            SPARSE: ([args.sparse] + SPARSE_CHECKFLAGS + cflags, None),
            GCC: (gcc_argv, None),
        }
        if args.baseline_copy:
            base_argv = [args.baseline_copy, "-p", e["dbdir"], e["file"]]
            e["cmd"][BASE] = (base_argv, env_base)
            e["cmd"][BASE_NOPCH] = (base_argv, env_nopch)
        if e["name"] in NON_LIVEPATCH:
            e["cmd"][WRAPPER] = ([klp_cc] + gcc_argv, env_pch)
    # Combined compile database of all 18 TUs.
    combined = os.path.join(work, "combined")
    os.makedirs(combined)
    with open(os.path.join(combined, "compile_commands.json"), "w") as f:
        json.dump([e["raw"] for e in tus], f, indent=1)

    # The corpus four times over, for -j 4 and -j 8 (issue 15).
    dup = os.path.join(work, "dup")
    dup_copies = 4
    dup_tus = duplicate_corpus(tus, dup, dup_copies)

    def make_cmd(check, jobs=None):
        chk = {"true": "true", "sparse": args.sparse}.get(check.split(",")[0], klp)
        return (["make", "-C", kdir, "M=" + dirs["samples"]]
                + (["-j", str(jobs)] if jobs else [])
                + ["CONFIG_DEBUG_INFO_BTF_MODULES=", "C=2", "CHECK=" + chk, "modules"])

    # Cold runs: every round starts from an empty private cache.
    cold_dir = os.path.join(work, "cold-pch")
    env_cold = dict(os.environ, **{PCH_ENV: cold_dir})
    menv_cold = dict(menv, **{PCH_ENV: cold_dir})
    sparse_cmds = [(e["cmd"][SPARSE][0], e["directory"], None) for e in tus]
    cold_keys = [("klp -p", 1), ("klp -p", 2), ("sparse", 1), ("sparse", 2),
                 ("make true", 1), ("make true", 2), ("make sparse", 1),
                 ("make sparse", 2), ("make klp-lint", 1), ("make klp-lint", 2)]

    def run_cold(key):
        what, j = key
        shutil.rmtree(cold_dir, ignore_errors=True)
        if what == "klp -p":
            return run_measured([klp, "-p", combined, "-j", str(j)], kdir, env_cold)
        if what == "sparse":
            return run_pool(sparse_cmds, j)
        check = what.split()[1]
        return run_measured(make_cmd(check, j), work,
                            menv_cold if check == "klp-lint" else menv)

    def pch_files():
        try:
            return sorted(f for f in os.listdir(pch_dir) if f.endswith(".pch"))
        except OSError:
            return []

    # --- warm-up, PCH cache fill and sanity checks (not in the medians) -----
    note("warm-up: every tool once on %s; make C=2 CHECK=true" % tus[0]["name"])
    try:
        for tool, (argv, env) in tus[0]["cmd"].items():
            if tool != KLP:
                run_measured(argv, tus[0]["directory"], env)
    except Failure as ex:
        die(str(ex))
    r = subprocess.run(make_cmd("true"), env=menv, capture_output=True, text=True)
    if r.returncode != 0:
        die("make C=2 CHECK=true failed:\n" + (r.stdout + r.stderr)[-3000:])
    checked = len(re.findall(r"^\s*CHECK\s", r.stdout + r.stderr, re.M))
    rebuilt = re.findall(r"^\s*(?:CC|LD)\s.*$", r.stdout + r.stderr, re.M)
    if rebuilt or checked != 7:
        die("make C=2 CHECK=true should only check the 7 samples; it ran %d "
            "checks and %d compile/link steps:\n%s"
            % (checked, len(rebuilt), (r.stdout + r.stderr)[-3000:]))

    # A PCH is built the second time klp-lint sees its key: run every TU
    # twice against the empty private cache and time both runs (one sample
    # each: the cost of a cold cache).
    note("warm-up: klp-lint twice per TU to fill the PCH cache")
    cold = {"first_s": {}, "second_s": {}, "first_rss_kib": {}, "second_rss_kib": {}}
    try:
        for e in tus:
            argv, env = e["cmd"][KLP]
            for k in ("first", "second"):
                t, rss, _ = run_measured(argv, e["directory"], env)
                cold[k + "_s"][e["name"]] = t
                cold[k + "_rss_kib"][e["name"]] = rss
            if BASE in e["cmd"]:
                for _ in range(2):
                    run_measured(e["cmd"][BASE][0], e["directory"], e["cmd"][BASE][1])
        # The wrapper's and the checker's command lines may give other keys.
        for _ in range(2):
            for e in tus:
                if WRAPPER in e["cmd"]:
                    argv, env = e["cmd"][WRAPPER]
                    run_measured(argv, e["directory"], env)
            run_measured(make_cmd("klp-lint"), work, menv_pch)
    except Failure as ex:
        die(str(ex))
    pch_used = bool(pch_files())

    # Correctness probe (not timed): -j 2 run from a directory other than the
    # database's.  The timed -p runs below start in the database's directory
    # (where the compile commands run), so they do not depend on klp-lint
    # keeping per-thread working directories apart.
    # A race shows only sometimes: three tries.
    probe = {"runs": 3, "failed": 0, "exits": [], "fatal_errors": []}
    for _ in range(probe["runs"]):
        r = subprocess.run([klp, "-p", combined, "-j", "2"], cwd=work, env=env_nopch,
                           stdin=subprocess.DEVNULL, capture_output=True, text=True,
                           errors="replace")
        probe["exits"].append(r.returncode)
        if r.returncode != 0:
            probe["failed"] += 1
            probe["fatal_errors"] += re.findall(r"fatal error: .*", r.stderr)[:2]
    probe["ok"] = probe["failed"] == 0
    if not probe["ok"]:
        note("warning: klp-lint -p <db> -j 2 run from %s failed %d of %d times%s"
             % (work, probe["failed"], probe["runs"],
                (": " + probe["fatal_errors"][0]) if probe["fatal_errors"] else ""))
    if not pch_used:
        note("note: this klp-lint wrote no PCH into %s=%s; the 'no PCH cache' "
             "rows are left out" % (PCH_ENV, pch_dir))

    tu_tools = [KLP] + ([KLP_NOPCH] if pch_used else []) + [KLP_FULL, CLANG, SPARSE, GCC]
    if args.baseline_copy:
        tu_tools += [BASE] + ([BASE_NOPCH] if pch_used else [])
    c2_checks = ["true", "sparse", "klp-lint"] + (["klp-lint, no PCH cache"] if pch_used else [])
    c2_env = {"true": menv, "sparse": menv, "klp-lint": menv_pch,
              "klp-lint, no PCH cache": menv_nopch}
    scal_keys = ([("pch", 1), ("pch", 2)] + ([("nopch", 1), ("nopch", 2)] if pch_used else [])
                 + [("dup", 4), ("dup", 8)])
    scal_env = {"pch": env_pch, "nopch": env_nopch, "dup": env_pch}

    # --- measurement rounds -----------------------------------------------
    per_tu = {t: {e["name"]: [] for e in tus} for t in tu_tools}
    per_tu_rss = {t: {e["name"]: [] for e in tus} for t in tu_tools}
    per_tu_cpu = {t: {e["name"]: [] for e in tus} for t in tu_tools}
    wrap = {e["name"]: [] for e in tus if e["name"] in NON_LIVEPATCH}
    wrap_rss = {n: [] for n in wrap}
    wrap_cpu = {n: [] for n in wrap}
    c2 = {c: [] for c in c2_checks}
    c2_rss = {c: [] for c in c2_checks}
    scal = {k: [] for k in scal_keys}
    scal_rss = {k: [] for k in scal_keys}
    scal_cpu = {k: [] for k in scal_keys}
    coldr = {k: [] for k in cold_keys}
    coldr_rss = {k: [] for k in cold_keys}
    coldr_cpu = {k: [] for k in cold_keys}
    loads = []
    # The copies' preambles are the originals': warm the cache for them too.
    try:
        run_measured([klp, "-p", dup, "-j", "2"], kdir, env_pch)
        run_measured([klp, "-p", dup, "-j", "2"], kdir, env_pch)
    except Failure as ex:
        die(str(ex))
    pch_before = pch_files()

    # Units within a TU block; gcc and the wrapper stay adjacent (paired).
    units = [[t] for t in tu_tools if t != GCC] + [[GCC, WRAPPER]]
    blocks = ([("tu", i) for i in range(len(tus))]
              + [("c2", None), ("scaling", None), ("cold", None)])
    for rnd in range(args.rounds):
        t_round = time.perf_counter()
        k = rnd * 7 % len(blocks)  # rotate the block order
        order = blocks[k:] + blocks[:k]
        try:
            for kind, idx in order:
                if kind == "tu":
                    e = tus[idx]
                    ku = (rnd + idx) % len(units)
                    for unit in units[ku:] + units[:ku]:
                        for tool in (reversed(unit) if rnd % 2 else unit):
                            if tool not in e["cmd"]:
                                continue
                            argv, env = e["cmd"][tool]
                            t, rss, cpu = run_measured(argv, e["directory"], env)
                            if tool == WRAPPER:
                                wrap[e["name"]].append(t)
                                wrap_rss[e["name"]].append(rss)
                                wrap_cpu[e["name"]].append(cpu)
                            else:
                                per_tu[tool][e["name"]].append(t)
                                per_tu_rss[tool][e["name"]].append(rss)
                                per_tu_cpu[tool][e["name"]].append(cpu)
                elif kind == "c2":
                    k2 = rnd % len(c2_checks)
                    for check in c2_checks[k2:] + c2_checks[:k2]:
                        t, rss, _ = run_measured(make_cmd(check), work, c2_env[check])
                        c2[check].append(t)
                        c2_rss[check].append(rss)
                elif kind == "cold":
                    k4 = rnd % len(cold_keys)
                    for key in cold_keys[k4:] + cold_keys[:k4]:
                        t, rss, cpu = run_cold(key)
                        coldr[key].append(t)
                        coldr_rss[key].append(rss)
                        coldr_cpu[key].append(cpu)
                else:
                    k3 = rnd % len(scal_keys)
                    for key in scal_keys[k3:] + scal_keys[:k3]:
                        t, rss, cpu = run_measured(
                            [klp, "-p", dup if key[0] == "dup" else combined,
                             "-j", str(key[1])], kdir, scal_env[key[0]])
                        scal[key].append(t)
                        scal_rss[key].append(rss)
                        scal_cpu[key].append(cpu)
        except Failure as ex:
            die(str(ex))
        loads.append(os.getloadavg()[0])
        note("round %d/%d: %.0f s (load average %.2f)"
             % (rnd + 1, args.rounds, time.perf_counter() - t_round, loads[-1]))
    pch_new = sorted(set(pch_files()) - set(pch_before))

    # --- summaries ---------------------------------------------------------
    R = range(args.rounds)

    def round_means(series, names):
        return [statistics.fmean(series[n][r] for n in names) for r in R]

    all_names = [e["name"] for e in tus]
    lp = [n for n in all_names if n not in NON_LIVEPATCH]
    s_tu = {}
    for tool in tu_tools:
        rm = round_means(per_tu[tool], all_names)
        s_tu[tool] = {"median_s_per_tu": med(rm), "min_round_s": min(rm),
                      "max_round_s": max(rm), "round_means_s": rm,
                      "median_cpu_s_per_tu": med(round_means(per_tu_cpu[tool], all_names)),
                      "peak_rss_kib": max(max(v) for v in per_tu_rss[tool].values())}
    s_lp = {tool: med(round_means(per_tu[tool], lp)) for tool in tu_tools}
    s_cold = {"first_s_per_tu": statistics.fmean(cold["first_s"].values()),
              "second_s_per_tu": statistics.fmean(cold["second_s"].values()),
              "second_peak_rss_kib": max(cold["second_rss_kib"].values())}

    s_c2 = {c: med(c2[c]) for c in c2_checks}
    # Added time: median over rounds of (CHECK=x - CHECK=true) in the same round.
    added = {c: med([c2[c][r] - c2["true"][r] for r in R])
             for c in c2_checks if c != "true"}

    # gcc and the wrapper on one TU run next to each other, so their ratio
    # within a round cancels most of what other work on the machine does to
    # both; the reported ratios are medians over rounds of these paired
    # ratios (times: medians, as everywhere).
    def paired(names, series_w, series_g):
        return med([ratio(sum(series_w[n][r] for n in names),
                          sum(series_g[n][r] for n in names)) for r in R])

    s_wrap = {}
    for n in wrap:
        s_wrap[n] = {"gcc_s": med(per_tu[GCC][n]), "wrapper_s": med(wrap[n]),
                     "ratio": paired([n], wrap, per_tu[GCC]),
                     "cpu_ratio": paired([n], wrap_cpu, per_tu_cpu[GCC]),
                     "wrapper_peak_rss_kib": max(wrap_rss[n]),
                     "gcc_peak_rss_kib": max(per_tu_rss[GCC][n]),
                     "mentions": mentions[n]}
    wnames = list(wrap)
    clean = [n for n in wnames if not mentions[n]["count"]]
    wsets = [("mean of the %d" % len(wnames), wnames)]
    if clean and len(clean) != len(wnames):
        wsets.append(("mean of the %d without that text" % len(clean), clean))
    s_wsets = {}
    for label, names in wsets:
        s_wsets[label] = {
            "tus": names,
            "gcc_s": med(round_means(per_tu[GCC], names)),
            "wrapper_s": med(round_means(wrap, names)),
            "ratio": paired(names, wrap, per_tu[GCC]),
            "cpu_ratio": paired(names, wrap_cpu, per_tu_cpu[GCC])}
    s_wall = s_wsets[wsets[0][0]]
    s_scal = {"%s -j %d" % k: med(scal[k]) for k in scal_keys}
    speedup = {c: ratio(med(scal[(c, 1)]), med(scal[(c, 2)]))
               for c in ("pch", "nopch") if (c, 1) in scal}
    # -j 2 needs the second core free; other work on the machine takes it
    # away in some rounds.  The fastest rounds show what -j 2 does when it
    # gets both cores.
    speedup_best = {c: ratio(min(scal[(c, 1)]), min(scal[(c, 2)]))
                    for c in ("pch", "nopch") if (c, 1) in scal}
    # Cold runs: medians; C=2's added time against CHECK=true at the same -j
    # in the same round, as in section 2.
    s_cold_runs = {"%s -j %d" % k: med(v) for k, v in coldr.items()}
    cold_added = {}
    for j in (1, 2):
        for c in ("sparse", "klp-lint"):
            cold_added[(c, j)] = med([coldr[("make " + c, j)][r] - coldr[("make true", j)][r]
                                      for r in R])

    spa_t = s_tu[SPARSE]["median_s_per_tu"]
    cla_t = s_tu[CLANG]["median_s_per_tu"]
    gcc_t = s_tu[GCC]["median_s_per_tu"]
    cla_rss = s_tu[CLANG]["peak_rss_kib"]

    targets = []
    for tool in ([KLP, KLP_NOPCH] if pch_used else [KLP]):
        label = (" [warm PCH cache]" if tool == KLP else " [no PCH cache]") if pch_used else ""
        t, rss = s_tu[tool]["median_s_per_tu"], s_tu[tool]["peak_rss_kib"]
        targets.append(("klp-lint per TU <= 1.0x sparse" + label, ratio(t, spa_t), 1.0,
                        "%s vs %s" % (fmt_s(t), fmt_s(spa_t))))
        targets.append(("klp-lint peak RSS <= 1.0x clang-19 -fsyntax-only" + label,
                        ratio(rss, cla_rss), 1.0,
                        "%s vs %s" % (fmt_mb(rss), fmt_mb(cla_rss))))
    # Issue 15: from a cold start, warm, the wrapper's worst TU, scaling.
    for j in (1, 2):
        a, b = med(coldr[("klp -p", j)]), med(coldr[("sparse", j)])
        targets.append(("cold: klp-lint -p <18 TUs> -j %d <= sparse over them, %d at a time"
                        % (j, j), ratio(a, b), 1.0, "%s vs %s" % (fmt_s(a), fmt_s(b))))
    for j in (1, 2):
        a, b = cold_added[("klp-lint", j)], cold_added[("sparse", j)]
        targets.append(("cold: make -j %d C=2 CHECK=klp-lint adds no more than CHECK=sparse" % j,
                        ratio(a, b), 1.0, "+%s vs +%s" % (fmt_s(a), fmt_s(b))))
    targets.append(("warm: klp-lint per TU <= 0.85x sparse", ratio(s_tu[KLP]["median_s_per_tu"],
                    spa_t), 0.85, "%s vs %s" % (fmt_s(s_tu[KLP]["median_s_per_tu"]), fmt_s(spa_t))))
    worst = max(s_wrap, key=lambda n: s_wrap[n]["ratio"])
    targets.append(("wrapper on the worst non-livepatch TU <= 1.02x gcc-12 (%s)" % worst,
                    s_wrap[worst]["ratio"], 1.02, "%s vs %s" % (
                        fmt_s(s_wrap[worst]["wrapper_s"]), fmt_s(s_wrap[worst]["gcc_s"]))))
    targets.append(("-j 2 >= 1.85x -j 1, warm PCH cache (as 1.85 / speedup <= 1)",
                    ratio(1.85, speedup["pch"]), 1.0, "speedup %s, fastest rounds %s"
                    % (fmt_x(speedup["pch"]), fmt_x(speedup_best["pch"]))))
    targets.append(("wrapper on a non-livepatch TU <= 1.02x gcc-12 alone (the %d TUs)"
                    % len(wnames), s_wall["ratio"], 1.02,
                    "%s vs %s; CPU time %s" % (fmt_s(s_wall["wrapper_s"]),
                                               fmt_s(s_wall["gcc_s"]),
                                               fmt_x(s_wall["cpu_ratio"]))))
    for c in [c for c in c2_checks if c.startswith("klp-lint")]:
        label = (" [warm PCH cache]" if c == "klp-lint" else " [no PCH cache]") if pch_used else ""
        targets.append(("C=2: CHECK=klp-lint adds no more time than CHECK=sparse" + label,
                        ratio(added[c], added["sparse"]), 1.0,
                        "+%s vs +%s" % (fmt_s(added[c]), fmt_s(added["sparse"]))))

    # --- report ------------------------------------------------------------
    m["loadavg_end"] = os.getloadavg()
    versions = {
        "klp-lint": first_line([klp, "--version"]),
        "clang": first_line([args.clang, "--version"]),
        "sparse": first_line([args.sparse, "--version"]),
        "gcc": first_line([gcc, "--version"]),
        "make": first_line(["make", "--version"]),
    }
    try:
        changed = file_digest(klp_src) != klp_digest
    except OSError:
        changed = True
    elapsed = time.perf_counter() - t_start

    out = []
    p = out.append
    p("klp-lint benchmark (issue 6) -- %s" % date)
    p("machine:  %d CPUs (nproc), %s, %.1f GiB RAM, Linux %s"
      % (m["nproc"], m["cpu_model"], m["mem_total_gib"], m["kernel"]))
    p("load:     1-min load average before the run %.2f, after each round %s"
      % (m["loadavg_start"][0], " ".join("%.2f" % x for x in loads)))
    p("versions: %s | %s | sparse %s | %s"
      % (versions["klp-lint"], versions["clang"], versions["sparse"], versions["gcc"]))
    p("klp-lint: %s (sha256 %s, built %s; a copy taken at the start), source tree %s"
      % (klp_src, klp_digest[:12],
         datetime.datetime.fromtimestamp(klp_mtime, datetime.timezone.utc)
         .strftime("%Y-%m-%d %H:%M UTC"), git_state()))
    if changed:
        p("note:     %s was rebuilt during the run; these numbers are for the copy "
          "taken at the start" % klp_src)
    p("corpus:   %d TUs (%d samples + %d selftests), Debian 6.12.117, kernel cache %s"
      % (len(tus), sum(e["group"] == "samples" for e in tus),
         sum(e["group"] == "selftests" for e in tus), cache))
    p("method:   %d round%s, every measurement once per round in rotating order; "
      "medians over rounds" % (args.rounds, "" if args.rounds == 1 else "s"))
    if pch_used:
        p("PCH:      klp-lint rows use a private PCH cache warmed before the rounds "
          "(%d PCHs; %d more built during the rounds)" % (len(pch_before), len(pch_new)))
    else:
        p("PCH:      this klp-lint wrote no PCH cache")
    p("")
    p("1. Per translation unit: median over rounds of the mean time per TU (18 TUs; the")
    p("   livepatch column: the same over the 13 that are not in section 3, and its ratio to sparse)")
    rows = []
    for tool in tu_tools:
        s = s_tu[tool]
        t = s["median_s_per_tu"]
        name = tool + (", warm PCH cache" if tool == KLP and pch_used else "")
        rows.append([name, fmt_s(t), "%.3f-%.3f" % (s["min_round_s"], s["max_round_s"]),
                     fmt_s(s["median_cpu_s_per_tu"]),
                     "%s %s" % (fmt_s(s_lp[tool]), fmt_x(ratio(s_lp[tool], s_lp[SPARSE]))),
                     fmt_x(ratio(t, spa_t)), fmt_x(ratio(t, cla_t)), fmt_x(ratio(t, gcc_t)),
                     fmt_mb(s["peak_rss_kib"]), fmt_x(ratio(s["peak_rss_kib"], cla_rss))])
    p(table(rows, ["tool", "time/TU", "rounds min-max", "CPU/TU",
                   "%d livepatch TUs" % len(lp), "vs sparse", "vs clang",
                   "vs gcc", "peak RSS", "RSS vs clang"]))
    if pch_used:
        p("  cold PCH cache (warm-up, one sample per TU): first run %s/TU, second run "
          "(builds the PCH) %s/TU, peak RSS %s"
          % (fmt_s(s_cold["first_s_per_tu"]), fmt_s(s_cold["second_s_per_tu"]),
             fmt_mb(s_cold["second_peak_rss_kib"])))
    if args.baseline_copy:
        p("  before/after (--baseline %s): this klp-lint / the baseline, per TU: "
          "warm PCH cache %s%s" % (
              args.baseline, fmt_x(ratio(s_tu[KLP]["median_s_per_tu"],
                                         s_tu[BASE]["median_s_per_tu"])),
              (", no PCH cache " + fmt_x(ratio(s_tu[KLP_NOPCH]["median_s_per_tu"],
                                               s_tu[BASE_NOPCH]["median_s_per_tu"])))
              if pch_used else ""))
    p("")
    p("2. kbuild make C=2 over the 7 samples (objects up to date: make runs only the checker)")
    rows = [["CHECK=true", fmt_s(s_c2["true"]), "", "", fmt_mb(max(c2_rss["true"]))]]
    for c in c2_checks[1:]:
        name = "CHECK=" + c + (", warm PCH cache" if c == "klp-lint" and pch_used else "")
        rows.append([name, fmt_s(s_c2[c]), "+" + fmt_s(added[c]),
                     fmt_x(ratio(added[c], added["sparse"])), fmt_mb(max(c2_rss[c]))])
    p(table(rows, ["make", "wall", "added over CHECK=true", "added vs sparse",
                   "peak RSS"]))
    p("  (added: median over rounds of the difference to CHECK=true in the same round)")
    p("")
    p("3. Compiler wrapper on non-livepatch TUs: klp-lint-cc %s <db args> vs the db command"
      % gcc)
    rows = []
    for n in wnames:
        s = s_wrap[n]
        words = s["mentions"]["words"]
        mm = ("no" if not s["mentions"]["count"] else "yes: " + words[0]
              + (" +%d more" % (len(words) - 1) if len(words) > 1 else ""))
        rows.append([n, mm, fmt_s(s["gcc_s"]), fmt_s(s["wrapper_s"]), fmt_x(s["ratio"]),
                     fmt_x(s["cpu_ratio"]), fmt_mb(s["gcc_peak_rss_kib"]),
                     fmt_mb(s["wrapper_peak_rss_kib"])])
    for label, _ in wsets:
        s = s_wsets[label]
        rows.append([label, "", fmt_s(s["gcc_s"]), fmt_s(s["wrapper_s"]),
                     fmt_x(s["ratio"]), fmt_x(s["cpu_ratio"])])
    p(table(rows, ["TU", "text has klp_/KPATCH_/KLP_", "gcc-12 -c", "klp-lint-cc",
                   "ratio", "CPU ratio", "RSS gcc", "RSS wrapper"]))
    p("  (ratio, CPU ratio: median over rounds of wrapper/gcc in the same round; "
      "CPU = user+sys incl. children)")
    p("")
    p("4. Scaling: klp-lint -p <combined database of the 18 TUs> on %d CPUs" % m["nproc"])
    rows = []
    for c in ("pch", "nopch"):
        if (c, 1) not in scal:
            continue
        lab = ("warm PCH cache" if c == "pch" else "no PCH cache") if pch_used else ""
        rows.append(["-j 1" + (", " + lab if lab else ""), fmt_s(med(scal[(c, 1)])),
                     fmt_s(min(scal[(c, 1)])), fmt_s(med(scal_cpu[(c, 1)])), "", "",
                     fmt_mb(max(scal_rss[(c, 1)]))])
        rows.append(["-j 2" + (", " + lab if lab else ""), fmt_s(med(scal[(c, 2)])),
                     fmt_s(min(scal[(c, 2)])), fmt_s(med(scal_cpu[(c, 2)])),
                     "%s (%.0f%% of linear)" % (fmt_x(speedup[c]), 50 * speedup[c]),
                     fmt_x(speedup_best[c]), fmt_mb(max(scal_rss[(c, 2)]))])
    cpu_tu_1 = med(scal_cpu[("pch", 1)]) / len(tus)
    for j in (4, 8):
        k = ("dup", j)
        rows.append(["-j %d, corpus x%d (%d TUs), warm" % (j, dup_copies, dup_tus),
                     fmt_s(med(scal[k])), fmt_s(min(scal[k])), fmt_s(med(scal_cpu[k])),
                     "CPU/TU %.2fx of -j 1's" % (med(scal_cpu[k]) / dup_tus / cpu_tu_1), "",
                     fmt_mb(max(scal_rss[k]))])
    p(table(rows, ["", "wall", "fastest", "CPU", "speedup (medians)",
                   "(fastest)", "peak RSS"]))
    p("  (run in the database's directory; the same -j 2 run from another directory: %s)"
      % ("OK %d of %d times" % (probe["runs"], probe["runs"]) if probe["ok"]
         else "FAILED %d of %d times%s" % (
             probe["failed"], probe["runs"],
             (", " + probe["fatal_errors"][0]) if probe["fatal_errors"] else "")))
    p("")
    p("5. Cold runs: an empty private PCH cache every round (a fresh CI runner)")
    rows = []
    for j in (1, 2):
        a, b = coldr[("klp -p", j)], coldr[("sparse", j)]
        rows.append(["klp-lint -p <18 TUs> -j %d" % j, fmt_s(med(a)), fmt_s(min(a)),
                     fmt_s(med(coldr_cpu[("klp -p", j)])),
                     fmt_x(ratio(med(a), med(b))), fmt_mb(max(coldr_rss[("klp -p", j)]))])
        rows.append(["sparse on the 18, %d at a time" % j, fmt_s(med(b)), fmt_s(min(b)),
                     fmt_s(med(coldr_cpu[("sparse", j)])), "1.00x",
                     fmt_mb(max(coldr_rss[("sparse", j)]))])
    p(table(rows, ["", "wall", "fastest", "CPU", "vs sparse", "peak RSS"]))
    rows = []
    for j in (1, 2):
        rows.append(["make -j %d C=2 CHECK=true" % j, fmt_s(med(coldr[("make true", j)])), "", ""])
        for c in ("sparse", "klp-lint"):
            rows.append(["make -j %d C=2 CHECK=%s%s" % (j, c, ", cold" if c == "klp-lint" else ""),
                         fmt_s(med(coldr[("make " + c, j)])), "+" + fmt_s(cold_added[(c, j)]),
                         fmt_x(ratio(cold_added[(c, j)], cold_added[("sparse", j)]))])
    p(table(rows, ["", "wall", "added over CHECK=true", "added vs sparse"]))
    p("")
    p("6. Targets of issues 6 and 15 (ratios from this run)")
    for name, r, lim, detail in targets:
        p("  %s  %s: %s (%s)" % ("PASS" if r <= lim else "FAIL", name, fmt_x(r), detail))
    p("")
    p("run took %.0f s" % elapsed)
    print("\n".join(out), flush=True)

    if args.json:
        data = {
            "date": date, "machine": m, "versions": versions,
            "klp_lint": {"path": klp_src, "sha256": klp_digest, "changed_during_run": changed,
                         "source_tree": git_state(), "pch_cache_used": pch_used,
                         "pch_built_during_rounds": pch_new},
            "rounds": args.rounds, "kernel_cache": cache, "elapsed_s": elapsed,
            "loadavg_after_round": loads,
            "per_tu": {"summary": s_tu, "livepatch_tus_only": s_lp,
                       "cold_pch_warmup": dict(cold, summary=s_cold),
                       "times_s": per_tu, "maxrss_kib": per_tu_rss,
                       "cpu_s": per_tu_cpu,
                       "commands": {e["name"]: {t: c[0] for t, c in e["cmd"].items()}
                                    for e in tus}},
            "kbuild_c2": {"median_s": s_c2, "added_over_true_s": added,
                          "times_s": c2, "maxrss_kib": c2_rss,
                          "commands": {c: make_cmd(c) for c in c2_checks}},
            "wrapper": {"per_tu": s_wrap, "sets": s_wsets,
                        "times_s": wrap, "maxrss_kib": wrap_rss, "cpu_s": wrap_cpu},
            "scaling": {"other_cwd_probe": probe, "median_s": s_scal, "speedup": speedup,
                        "speedup_fastest_rounds": speedup_best,
                        "times_s": {"%s -j %d" % k: v for k, v in scal.items()},
                        "maxrss_kib": {"%s -j %d" % k: v for k, v in scal_rss.items()},
                        "cpu_s": {"%s -j %d" % k: v for k, v in scal_cpu.items()}},
            "cold": {"median_s": s_cold_runs,
                     "added_over_true_s": {"%s -j %d" % k: v for k, v in cold_added.items()},
                     "times_s": {"%s -j %d" % k: v for k, v in coldr.items()},
                     "maxrss_kib": {"%s -j %d" % k: v for k, v in coldr_rss.items()},
                     "cpu_s": {"%s -j %d" % k: v for k, v in coldr_cpu.items()}},
            "targets": [{"target": n, "ratio": r, "limit": lim, "pass": r <= lim,
                         "detail": d} for n, r, lim, d in targets],
        }
        with open(args.json, "w") as f:
            json.dump(data, f, indent=1)
        note("raw numbers written to %s" % args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
