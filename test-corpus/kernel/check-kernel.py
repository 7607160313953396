#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Run klp-lint on the 18 livepatch sources of Debian's linux-source-6.12.

prepare-kernel.sh fetches the 6.12.117 packages, builds samples/livepatch and
the livepatch selftest modules out of tree with real kbuild and generates
their compile databases. This test runs klp-lint on every entry with its real
kbuild command line and asserts:

  * every one of the 18 sources is analyzed with zero errors (exit code 0);
  * the findings, with their notes, are exactly those in expected-findings.txt,
    where each one is justified by docs/semantics.md.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DIAG = re.compile(r"^(?P<path>/\S+?):(?P<line>\d+):(?P<col>\d+): "
                  r"(?P<sev>warning|error|note): (?P<msg>.*)$")
# A finding ends with its check's name; a note attached to one does not.
FINDING = re.compile(r" \[[\w,-]+\]$")


def starts_finding(m):
    """Does this diagnostic line start a finding (a note-level finding
    included), rather than continue the previous one as its note?"""
    return m["sev"] != "note" or FINDING.search(m["msg"]) is not None


def prepare():
    out = subprocess.run(["bash", os.path.join(HERE, "prepare-kernel.sh")],
                         check=True, stdout=subprocess.PIPE, text=True).stdout
    for line in out.splitlines():
        if line.startswith("KLP_KERNEL_CACHE="):
            return line.split("=", 1)[1]
    sys.exit("prepare-kernel.sh did not print KLP_KERNEL_CACHE")


def findings(klp_lint, build_dir):
    """Run klp-lint over one compile database; return (blocks, files, rc)."""
    db = json.load(open(os.path.join(build_dir, "compile_commands.json")))
    files = sorted(os.path.basename(e["file"]) for e in db)
    proc = subprocess.run([klp_lint, "-p", build_dir], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    blocks = []
    for line in proc.stdout.splitlines():
        m = DIAG.match(line)
        if not m:
            if line.startswith("klp-lint:") or " error: " in line:
                blocks.append("UNEXPECTED " + line)
            continue
        text = "%s:%s:%s: %s: %s" % (os.path.basename(m["path"]), m["line"],
                                     m["col"], m["sev"], m["msg"])
        if not starts_finding(m) and blocks:
            blocks[-1] += "\n  " + text
        else:
            blocks.append(text)
    return blocks, files, proc.returncode, proc.stdout


def expected(path):
    """Blocks of expected-findings.txt: a finding line, then indented notes."""
    blocks = []
    for raw in open(path):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("  "):
            blocks[-1] += "\n  " + line.strip()
        else:
            blocks.append(line)
    return blocks


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--klp-lint", required=True)
    ap.add_argument("--expected", required=True)
    args = ap.parse_args()

    cache = prepare()
    got, all_files, failed = [], [], False
    for sub in ("samples", "selftests"):
        blocks, files, rc, raw = findings(args.klp_lint,
                                          os.path.join(cache, "build", sub))
        all_files += files
        got += blocks
        if rc != 0:
            print("klp-lint exited %d on %s:\n%s" % (rc, sub, raw))
            failed = True

    if len(all_files) != 18:
        print("expected 18 livepatch sources, the databases hold %d: %s"
              % (len(all_files), all_files))
        failed = True

    # The fast paths (kernel headers' function bodies skipped; the preamble
    # PCH cache, which precompiles the prefix the run's files share on its
    # first sighting, records a file's own preamble then and builds its PCH
    # on the second) must give exactly what a full parse gives, byte for
    # byte, in each of those three runs.
    with tempfile.TemporaryDirectory() as pch:
        env = dict(os.environ, KLP_LINT_PCH_CACHE=pch)
        for sub in ("samples", "selftests"):
            d = os.path.join(cache, "build", sub)
            full = subprocess.run([args.klp_lint, "--full-parse", "-p", d],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True).stdout
            for attempt in ("first", "second", "third"):
                fast = subprocess.run([args.klp_lint, "-p", d], stdout=subprocess.PIPE,
                                      stderr=subprocess.STDOUT, text=True, env=env).stdout
                if fast != full:
                    print("%s (%s run): the fast path reports differently from "
                          "--full-parse:\n%s\n---\n%s" % (sub, attempt, fast, full))
                    failed = True
                # The run has several files sharing an include prefix: its
                # PCH is built on first sight, so even the first run used one.
                if attempt == "first" and not any(
                        f.endswith(".pch") for f in os.listdir(pch)):
                    print("%s: the first run built no shared-prefix PCH" % sub)
                    failed = True
        pchs = [f for f in os.listdir(pch) if f.endswith(".pch")]
        if not pchs:
            print("no preamble PCH was built by the second run")
            failed = True

    want = expected(args.expected)
    missing = sorted(set(want) - set(got))
    extra = sorted(set(got) - set(want))
    # Multiplicity matters too: test_klp_state3.c includes test_klp_state2.c.
    if not missing and not extra and sorted(got) != sorted(want):
        extra = ["(same findings, different counts)"]
    for b in missing:
        print("MISSING:\n" + b)
    for b in extra:
        print("UNEXPECTED:\n" + b)
    if missing or extra:
        failed = True
    print("%d sources, %d findings expected, %d reported"
          % (len(all_files), len(want), len(got)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
