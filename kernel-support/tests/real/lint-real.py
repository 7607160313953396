#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""klp-lint parses every real-style module with its default headers.

Runs `klp-lint FILE` (no other argument: the embedded kernel-support
headers) on each test-corpus/real/<gen>/*.c.  No file may give exit 2 (a
parse failure, typically a gap in the headers); a file without livepatch
code (no `klp_` word at all) must give exit 0 and print nothing.  The
findings of the other files are printed for the reader, not judged here.
"""

import argparse
import pathlib
import re
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--klp-lint", required=True)
    parser.add_argument("dirs", nargs="+", type=pathlib.Path)
    args = parser.parse_args()

    files = sorted(f for d in args.dirs for f in d.glob("*.c"))
    if not files:
        print("no real-style modules found")
        return 1
    failed = []
    for f in files:
        proc = subprocess.run([args.klp_lint, str(f)], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, timeout=120)
        plain = not re.search(r"\bklp_|\bKLP_", f.read_text())
        out = proc.stdout.strip()
        status = "ok"
        if proc.returncode == 2:
            status = "FAILED: exit 2"
        elif plain and (proc.returncode != 0 or out):
            status = (f"FAILED: no livepatch code, yet exit "
                      f"{proc.returncode} or output")
        print(f"{f.name}: exit {proc.returncode}{' (plain module)' if plain else ''}: {status}")
        if out:
            print("  " + out.replace("\n", "\n  "))
        if status != "ok":
            failed.append(f.name)
    print(f"{len(files) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
