#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Run kernel-support scenarios in klp-sim and compare their transcripts.

Each <id>.scenario is run with the test modules on the module path; its
standard output must equal <id>.expected line for line.  A mismatch prints
a unified diff.  klp-sim must also exit 0: a failed expect-* command, a
malformed scenario or a sanitizer report fails the test even when the
transcript matches.

A scenario whose first line is "# filter: selftest" is compared the way
the kernel's livepatch selftests compare dmesg (check_result() in
functions.sh): only lines containing "livepatch:" or "test_klp" count,
except "tainting/taints kernel" lines.  Lines that report a failure of the
model (leaks, warnings, oopses, failed expectations) are always kept, so
that the filter can never hide one.  Such scenarios run with
"set kmsg-only on", so the transcript already holds kernel messages only.

--update rewrites the .expected files from the current output.  Use it only
to record a change whose every line you have checked against
docs/semantics.md.
"""

import argparse
import difflib
import pathlib
import re
import subprocess
import sys

SELFTEST_KEEP = re.compile(r"livepatch:|test_klp")
SELFTEST_DROP = re.compile(r"(tainting|taints) kernel")
ALWAYS_KEEP = re.compile(
    r"^(leak: |broken: |EXPECT FAILED|BUG|WARNING|INFO: |Oops|kernel BUG|"
    r"never called: |klp-sim: )")


def selftest_filter(lines):
    """The lines the selftests' check_result() compares, and failures."""
    return [line for line in lines
            if ALWAYS_KEEP.search(line)
            or (SELFTEST_KEEP.search(line) and not SELFTEST_DROP.search(line))]


def run_one(sim, modules, scenario, update):
    expected_path = scenario.with_suffix(".expected")
    proc = subprocess.run(
        [sim, "-L", modules, str(scenario)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
    )
    ok = True
    if proc.returncode != 0:
        print(f"{scenario.name}: klp-sim exited with {proc.returncode}")
        if proc.stderr:
            print(proc.stderr.rstrip())
        ok = False

    if update:
        out = proc.stdout
        if scenario.read_text().startswith("# filter: selftest"):
            out = "".join(line + "\n"
                          for line in selftest_filter(out.splitlines()))
        expected_path.write_text(out)
        print(f"{scenario.name}: wrote {expected_path.name}")
        return ok

    if not expected_path.exists():
        print(f"{scenario.name}: {expected_path.name} is missing; output was:")
        print(proc.stdout.rstrip())
        return False

    expected = expected_path.read_text().splitlines()
    actual = proc.stdout.splitlines()
    if scenario.read_text().startswith("# filter: selftest"):
        actual = selftest_filter(actual)
    if expected != actual:
        print(f"{scenario.name}: transcript differs from {expected_path.name}")
        sys.stdout.writelines(
            line + "\n"
            for line in difflib.unified_diff(
                expected, actual, "expected", "actual", lineterm=""
            )
        )
        ok = False
    if ok:
        print(f"{scenario.name}: ok")
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sim", required=True, help="path of klp-sim")
    parser.add_argument("--modules", required=True,
                        help="directory of the test modules (.so)")
    parser.add_argument("--update", action="store_true",
                        help="rewrite the .expected files")
    parser.add_argument("scenarios", nargs="+", type=pathlib.Path)
    args = parser.parse_args()

    failed = [s.name for s in args.scenarios
              if not run_one(args.sim, args.modules, s, args.update)]
    if failed:
        print("failed: " + " ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
