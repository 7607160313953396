#!/usr/bin/env python3
"""Every check in checks/CheckList.def has its one name everywhere.

For KLP_CHECK(group, slug, Class, scope, level, "summary") this asserts:
  * checks/<group>/<slug>.h and .cpp exist, the header declares Class and its
    comment carries the summary;
  * docs/checks/<group>-<slug>.md exists, its title is the name and its first
    paragraph is the summary;
  * test-corpus/<group>/<slug>[-variant].{c,test} has at least 8 cases for
    the three headline checks, 3 for the others;
  * no source, doc page or corpus case exists for a check that is not listed.
"""
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENTRY = re.compile(r'KLP_CHECK\((\w+),\s*([\w-]+),\s*(\w+),\s*(\w+),\s*(\w+),\s*"([^"]*)"\)',
                   re.S)
# The three headline checks of issue 2 need 8 cases each; other checks 3.
HEADLINE = {"callbacks-per-object", "shadow-id-without-state",
            "state-missing-disable-callbacks"}
MIN_HEADLINE, MIN_CASES = 8, 3


def main():
    text = open(os.path.join(ROOT, "checks", "CheckList.def")).read()
    entries = ENTRY.findall(text)
    errors = []
    if not entries:
        errors.append("no KLP_CHECK entries found")
    names = [f"{g}-{s}" for g, s, *_ in entries]
    if names != sorted(names):
        errors.append("CheckList.def is not sorted by name")
    for group, slug, cls, _scope, _level, summary in entries:
        name = f"{group}-{slug}"
        h = os.path.join(ROOT, "checks", group, slug + ".h")
        cpp = os.path.join(ROOT, "checks", group, slug + ".cpp")
        for p in (h, cpp):
            if not os.path.exists(p):
                errors.append(f"{name}: missing {os.path.relpath(p, ROOT)}")
        if os.path.exists(h):
            src = open(h).read()
            if f"class {cls}" not in src:
                errors.append(f"{name}: {os.path.relpath(h, ROOT)} does not declare {cls}")
            if " ".join(summary.split()) not in " ".join(re.sub(r"^//", "", src, flags=re.M).split()):
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

    # Orphans: sources, docs and corpus cases of unlisted checks.
    listed = set(names)
    for p in glob.glob(os.path.join(ROOT, "checks", "*", "*.cpp")):
        name = f"{os.path.basename(os.path.dirname(p))}-{os.path.basename(p)[:-4]}"
        if name not in listed:
            errors.append(f"orphan source {os.path.relpath(p, ROOT)}")
    for p in glob.glob(os.path.join(ROOT, "docs", "checks", "*.md")):
        name = os.path.basename(p)[:-3]
        if name not in listed and name != "list":
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
