#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Reads the Debian 6.12 livepatch samples and selftest modules with
klp-elf-dump and compares with the committed expectations.

prepare-kernel.sh (test-corpus/kernel) builds the real .ko files with
Debian's kbuild into a cache; it is called here as check-kernel.py calls it,
so the test prepares what it needs (or fails saying why).

Checked:
  * summary.expected: one line per .ko: patches, objects, funcs, states,
    generation and layout source;
  * <dir>.<module>.expected: the full --modinfo --klp --model output of a
    few modules;
  * for every .ko: the model read with DWARF equals the model read with the
    known layouts only (--no-dwarf), and it reads back from JSON;
  * klp-lint's elf-* checks on all of them (with --klp-lint): exactly the
    findings of elf-findings.expected (none; the file says why), exit 0, in
    text and JSON; and, to show the checks read these files at all, a copy
    of livepatch-sample.ko with .modinfo renamed gets elf-modinfo-livepatch.

--update rewrites the expectations from the current output (review the diff).
"""
import argparse
import difflib
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DIRS = ("samples", "selftests")


def prepare(script):
    out = subprocess.run(["bash", script], check=True, stdout=subprocess.PIPE,
                         text=True).stdout
    for line in out.splitlines():
        if line.startswith("KLP_KERNEL_CACHE="):
            return line.split("=", 1)[1]
    sys.exit("check-elf-kernel: prepare-kernel.sh did not print KLP_KERNEL_CACHE")


def dump(exe, *args):
    proc = subprocess.run([exe, *args], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        sys.exit("check-elf-kernel: %s %s exited %d: %s"
                 % (exe, " ".join(args), proc.returncode, proc.stderr))
    return proc.stdout


def model(exe, ko, *extra):
    text = dump(exe, "--model", *extra, ko)
    return json.loads(text[len("model: "):])


def summary_line(rel, m):
    objs = sum(len(p["objects"]) for p in m["patches"])
    funcs = sum(len(o["funcs"]) for p in m["patches"] for o in p["objects"])
    states = sum(len(p["states"]) for p in m["patches"])
    return ("%s patches=%d objects=%d funcs=%d states=%d generation=%s layout=%s"
            % (rel, len(m["patches"]), objs, funcs, states,
               m["generation"] or "-", m["layout"] or "-"))


def compare(name, want_path, got, update, failures):
    if update:
        with open(want_path, "w") as f:
            f.write(got)
        return
    try:
        with open(want_path) as f:
            want = f.read()
    except FileNotFoundError:
        failures.append("%s: no expectation %s" % (name, want_path))
        return
    if want != got:
        diff = "".join(difflib.unified_diff(
            want.splitlines(True), got.splitlines(True), want_path, "actual"))
        failures.append("%s differs:\n%s" % (name, diff))


def expected_findings(path):
    """The finding lines of elf-findings.expected (comments left out)."""
    with open(path) as f:
        return [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]


def check_findings(args, cache, kos, failures):
    want = expected_findings(os.path.join(args.expected, "elf-findings.expected"))
    proc = subprocess.run([args.klp_lint, "--checks=elf-*"] + kos,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    got = [l.replace(os.path.join(cache, "build") + "/", "")
           for l in proc.stderr.splitlines() if l and "warnings," not in l]
    if proc.returncode != 0 or got != want:
        failures.append("elf-* findings on the %d modules: exit %d, got %s, want %s"
                        % (len(kos), proc.returncode, got, want))
    proc = subprocess.run([args.klp_lint, "--checks=elf-*", "--format=json"] + kos,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    report = json.loads(proc.stdout) if proc.returncode == 0 else {}
    if report.get("errors") != [] or len(report.get("findings", [None])) != len(want):
        failures.append("elf-* findings as JSON: exit %d, %s" % (proc.returncode, proc.stdout))
    # The positive control: the same checks see a real module's defect.
    if args.objcopy:
        sample = os.path.join(cache, "build", "samples", "livepatch-sample.ko")
        broken = os.path.abspath(os.path.join(os.getcwd(), "livepatch-sample-no-modinfo.ko"))
        # Renamed, not removed: .debug_info has relocations against it.
        subprocess.run([args.objcopy, "--rename-section=.modinfo=.not-modinfo",
                        sample, broken], check=True)
        proc = subprocess.run([args.klp_lint, "--checks=elf-*", broken],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 1 or "livepatch-sample-no-modinfo.ko: error: livepatch module " \
                "without 'livepatch=Y' in a .modinfo section (it has none)" not in proc.stderr:
            failures.append("livepatch-sample.ko with .modinfo renamed: exit %d, %s"
                            % (proc.returncode, proc.stderr))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", required=True)
    ap.add_argument("--prepare", required=True)
    ap.add_argument("--expected", default=HERE)
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--klp-lint")
    ap.add_argument("--objcopy")
    args = ap.parse_args()

    cache = prepare(args.prepare)
    failures = []
    summary = []
    kos = []
    for d in DIRS:
        kos += sorted(glob.glob(os.path.join(cache, "build", d, "*.ko")))
    if not kos:
        sys.exit("check-elf-kernel: no .ko files under %s/build" % cache)

    for ko in kos:
        rel = os.path.relpath(ko, os.path.join(cache, "build"))
        with_dwarf = model(args.dump, ko)
        known = model(args.dump, ko, "--no-dwarf")
        summary.append(summary_line(rel, with_dwarf))
        # The layouts may differ in name only; everything read must agree.
        if with_dwarf["patches"] and with_dwarf["layout"] != "dwarf":
            failures.append("%s: DWARF layout not used (%s)" % (rel, with_dwarf["layout"]))
        for m in (with_dwarf, known):
            m.pop("layout")
        if with_dwarf != known:
            failures.append("%s: DWARF and known layouts disagree:\n%s\n%s"
                            % (rel, json.dumps(with_dwarf, indent=1),
                               json.dumps(known, indent=1)))
        rt = dump(args.dump, "--roundtrip", ko).strip()
        if rt != "roundtrip: same":
            failures.append("%s: %s" % (rel, rt))

    compare("summary", os.path.join(args.expected, "summary.expected"),
            "\n".join(summary) + "\n", args.update, failures)
    for want in sorted(glob.glob(os.path.join(args.expected, "*.expected"))):
        base = os.path.basename(want)[:-len(".expected")]
        if base in ("summary", "elf-findings"):
            continue
        d, mod = base.split(".", 1)
        ko = os.path.join(cache, "build", d, mod + ".ko")
        got = dump(args.dump, "--modinfo", "--klp", "--model", ko)
        compare(base, want, got, args.update, failures)

    if args.klp_lint:
        check_findings(args, cache, kos, failures)

    for f in failures:
        print("FAIL: " + f)
    print("check-elf-kernel: %d modules, %d failures" % (len(kos), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
