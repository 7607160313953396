#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Every check in checks/CheckList.def has its one name everywhere.

For KLP_CHECK(group, slug, Class, scope, level, gens, "summary") this asserts:
  * checks/<group>/<slug>.cpp exists, defines Class, registers it with
    KLP_REGISTER_CHECK(Class), and its header comment carries the summary;
  * the elf group's checks, and only they, have scope Elf;
  * docs/checks/<group>-<slug>.md exists, its title is the name and its first
    paragraph is the summary;
  * test-corpus/<group>/<slug>[-variant].{c,test} has at least 8 cases for
    the three headline checks, 6 for the others;
  * the README's check table and `klp-lint --list-checks --checks=*` list
    exactly the registry's checks with their summaries, in order;
  * no source, doc page or corpus case exists for a check that is not listed.
"""
import argparse
import glob
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENTRY = re.compile(r'KLP_CHECK\((\w+),\s*([\w-]+),\s*(\w+),\s*(\w+),\s*(\w+),\s*(\w+),\s*"([^"]*)"\)',
                   re.S)
HEADLINE = {"callbacks-per-object", "shadow-id-without-state",
            "state-missing-disable-callbacks"}
MIN_HEADLINE, MIN_CASES = 8, 3


def registry():
    text = open(os.path.join(ROOT, "checks", "CheckList.def")).read()
    return ENTRY.findall(text)


def readme_table():
    """(name, summary) rows of the README's '## Checks' table."""
    rows, inside = [], False
    for line in open(os.path.join(ROOT, "README.md")):
        if line.startswith("## "):
            inside = line.strip() == "## Checks"
            continue
        m = re.match(r"\|\s*\[([\w-]+)\]\(docs/checks/([\w-]+)\.md\)\s*\|\s*(.*?)\s*\|\s*$", line)
        if inside and m:
            if m[1] != m[2]:
                rows.append((m[1], "link to docs/checks/%s.md" % m[2]))
            else:
                rows.append((m[1], m[3]))
    return rows


def list_checks(klp_lint):
    out = subprocess.run([klp_lint, "--list-checks", "--checks=*"], check=True,
                         stdout=subprocess.PIPE, text=True).stdout
    rows = []
    for line in out.splitlines()[1:]:
        m = re.match(r"\s+([\w-]+)\s+\(([^)]*)\)\s+(.*)$", line)
        if m:
            rows.append((m[1], m[3]))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--klp-lint", help="also compare --list-checks")
    args = ap.parse_args()
    entries = registry()
    errors = []
    if not entries:
        errors.append("no KLP_CHECK entries found")
    names = [f"{g}-{s}" for g, s, *_ in entries]
    if names != sorted(names):
        errors.append("CheckList.def is not sorted by name")
    for group, slug, cls, _scope, _level, gens, summary in entries:
        name = f"{group}-{slug}"
        if not set(gens) <= set("ABC"):
            errors.append(f"{name}: generations '{gens}' must be letters of ABC")
        if (group == "elf") != (_scope == "Elf"):
            errors.append(f"{name}: elf-* checks, and only they, have scope Elf")
        cpp = os.path.join(ROOT, "checks", group, slug + ".cpp")
        if not os.path.exists(cpp):
            errors.append(f"{name}: missing {os.path.relpath(cpp, ROOT)}")
        else:
            src = open(cpp).read()
            if f"class {cls}" not in src:
                errors.append(f"{name}: {os.path.relpath(cpp, ROOT)} does not define {cls}")
            if f"KLP_REGISTER_CHECK({cls})" not in src:
                errors.append(f"{name}: {os.path.relpath(cpp, ROOT)} does not register {cls}")
            head = src.split("//===---", 2)[1] if src.count("//===---") >= 2 else src
            flat = " ".join(re.sub(r"^//", "", head, flags=re.M).split())
            if " ".join(summary.split()) not in flat:
                errors.append(f"{name}: header comment does not carry the summary")
        doc = os.path.join(ROOT, "docs", "checks", name + ".md")
        if not os.path.exists(doc):
            errors.append(f"{name}: missing docs/checks/{name}.md")
        else:
            lines = [l.strip() for l in open(doc)]
            if not lines or lines[0] != f"# {name}":
                errors.append(f"{name}: doc title must be '# {name}'")
            first = next((l for l in lines[1:] if l), "")
            if first != summary:
                errors.append(f"{name}: doc summary differs:\n  doc:      {first}\n  registry: {summary}")
        cases = [c for c in glob.glob(os.path.join(ROOT, "test-corpus", group, slug + "*"))
                 if c.endswith((".c", ".test"))
                 and os.path.basename(c)[len(slug):].startswith(("-", "."))]
        want = MIN_HEADLINE if name in HEADLINE else MIN_CASES
        if len(cases) < want:
            errors.append(f"{name}: {len(cases)} corpus cases, want at least {want}")

    want_rows = [(f"{g}-{s}", summary) for g, s, *_r, summary in entries]
    if readme_table() != want_rows:
        errors.append("README.md's check table differs from the registry "
                      "(run tools/add-check --update-readme)")
    if args.klp_lint and list_checks(args.klp_lint) != want_rows:
        errors.append("klp-lint --list-checks --checks=* differs from the registry")

    # Orphans: sources, docs and corpus cases of unlisted checks.
    listed = set(names)
    for p in glob.glob(os.path.join(ROOT, "checks", "*", "*.cpp")):
        name = f"{os.path.basename(os.path.dirname(p))}-{os.path.basename(p)[:-4]}"
        if name not in listed:
            errors.append(f"orphan source {os.path.relpath(p, ROOT)}")
    for p in glob.glob(os.path.join(ROOT, "checks", "*", "*.h")):
        errors.append(f"stray header {os.path.relpath(p, ROOT)}: a check is one .cpp")
    for p in glob.glob(os.path.join(ROOT, "docs", "checks", "*.md")):
        name = os.path.basename(p)[:-3]
        if name not in listed:
            errors.append(f"orphan doc {os.path.relpath(p, ROOT)}")
    groups = {g for g, *_ in entries}
    for g in groups:
        for p in glob.glob(os.path.join(ROOT, "test-corpus", g, "*.c")) + \
                glob.glob(os.path.join(ROOT, "test-corpus", g, "*.test")):
            base = os.path.splitext(os.path.basename(p))[0]
            if not any(base == s or base.startswith(s + "-") for gg, s, *_ in entries if gg == g):
                errors.append(f"orphan corpus case {os.path.relpath(p, ROOT)}")

    for e in errors:
        print("error: " + e)
    print(f"{len(entries)} checks, {len(errors)} layout errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
