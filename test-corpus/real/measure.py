#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Precision and recall on real-style code: edits that must, and must not,
change klp-lint's answer.

For every entry of mutations.json: apply the edits to a copy of the module
(each "find" must occur exactly once), run `klp-lint FILE` (the embedded
default headers, as a user would) on the original and on the edited copy,
and compare the findings per check: "+" means the edit must add findings of
that check; an empty expectation means the answer must not change at all.
An entry with "known" records a case where klp-lint is knowingly wrong
(with why): the test then asserts that wrong result, so that a fix or a
regression both show up.

Prints a confusion table (true/false positives and negatives over the
edits) and exits 1 on any result that is neither expected nor known.
"""
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FINDING = re.compile(r"^\S+:\d+:\d+: (?:warning|error|note): .*\[([\w-]+)(?:,-warnings-as-errors)?\]$")


def findings(klp_lint, path):
    r = subprocess.run([klp_lint, path], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, timeout=120)
    if r.returncode == 2:
        raise RuntimeError("klp-lint could not analyze %s:\n%s" % (path, r.stdout))
    return collections.Counter(m[1] for m in map(FINDING.match, r.stdout.splitlines()) if m)


def outcome(before, after):
    """Per check: '+' more findings, '-' fewer."""
    out = {}
    for check in set(before) | set(after):
        if after[check] > before[check]:
            out[check] = "+"
        elif after[check] < before[check]:
            out[check] = "-"
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--klp-lint", required=True)
    args = ap.parse_args()
    table = json.load(open(os.path.join(HERE, "mutations.json")))
    counts = collections.Counter()
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, m in enumerate(table):
            src = os.path.join(HERE, m["file"])
            text = open(src).read()
            for find, repl in m["edits"]:
                if text.count(find) != 1:
                    problems.append("%s: %s: the edit's text occurs %d times: %r"
                                    % (m["file"], m["name"], text.count(find), find[:60]))
                    break
                text = text.replace(find, repl)
            else:
                # The copy gets the original's headers (speaker.h) beside
                # it; the source tree is never written.
                here = os.path.join(tmp, "m%d" % i)
                shutil.copytree(os.path.dirname(src), here, dirs_exist_ok=True)
                copy = os.path.join(here, os.path.basename(src))
                open(copy, "w").write(text)
                try:
                    got = outcome(findings(args.klp_lint, src), findings(args.klp_lint, copy))
                except RuntimeError as e:
                    problems.append("%s: %s: %s" % (m["file"], m["name"], e))
                    continue
                expect = m["expect"]
                truth = "change" if expect else "same"
                right = got == expect
                if truth == "change":
                    counts["TP" if right else "FN"] += 1
                else:
                    counts["TN" if right else "FP"] += 1
                known = m.get("known")
                mark = "ok" if right else ("known: " + known["why"] if known and got == known["result"] else "UNEXPECTED")
                if not right and not (known and got == known["result"]):
                    problems.append("%s: %s: expected %s, got %s" % (m["file"], m["name"], expect, got))
                if right and known:
                    problems.append("%s: %s: now right; drop its \"known\" entry" % (m["file"], m["name"]))
                print("%-24s %-70s %s" % (m["file"], m["name"], mark))
    tp, fp, tn, fn = counts["TP"], counts["FP"], counts["TN"], counts["FN"]
    print("\n%d edits: %d must change the answer, %d must not" % (tp + fp + tn + fn, tp + fn, tn + fp))
    print("true positives %d, false negatives %d, true negatives %d, false positives %d"
          % (tp, fn, tn, fp))
    if tp + fp:
        print("precision %.2f (%d/%d)" % (tp / (tp + fp), tp, tp + fp))
    if tp + fn:
        print("recall    %.2f (%d/%d)" % (tp / (tp + fn), tp, tp + fn))
    for p in problems:
        print("FAIL: " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
