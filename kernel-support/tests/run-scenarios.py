#!/usr/bin/env python3
"""Run kernel-support scenarios in klp-sim and compare their transcripts.

Each <id>.scenario is run with the test modules on the module path; its
standard output must equal <id>.expected line for line.  A mismatch prints
a unified diff.  klp-sim must also exit 0: a failed expect-* command, a
malformed scenario or a sanitizer report fails the test even when the
transcript matches.

--update rewrites the .expected files from the current output.  Use it only
to record a change whose every line you have checked against
livepatch-semantics.md.
"""

import argparse
import difflib
import pathlib
import subprocess
import sys


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
        expected_path.write_text(proc.stdout)
        print(f"{scenario.name}: wrote {expected_path.name}")
        return ok

    if not expected_path.exists():
        print(f"{scenario.name}: {expected_path.name} is missing; output was:")
        print(proc.stdout.rstrip())
        return False

    expected = expected_path.read_text().splitlines()
    actual = proc.stdout.splitlines()
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
