#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""tools/add-check writes a check that builds and fits the layout.

In a scratch copy of the files add-check touches, scaffold a check; the
layout test must then report only what a stub lacks (corpus cases), and the
new source must compile with the flags of an existing check (taken from the
build's compile_commands.json). A bad name and a duplicate are refused.
"""
import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for d in ("checks", "docs", "tools", "test-corpus"):
            shutil.copytree(os.path.join(ROOT, d), os.path.join(tmp, d))
        shutil.copy(os.path.join(ROOT, "README.md"), tmp)
        tool = os.path.join(tmp, "tools", "add-check")
        run = lambda *args: subprocess.run([sys.executable, tool, *args], cwd=tmp,
                                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        r = run("patch-example-rule", "--scope", "Module", "--gens", "BC",
                "--summary", "An example rule that flags nothing.")
        assert r.returncode == 0, r.stdout
        for f in ("checks/patch/example-rule.cpp", "docs/checks/patch-example-rule.md",
                  "test-corpus/patch/example-rule.c"):
            assert os.path.exists(os.path.join(tmp, f)), f
        defs = open(os.path.join(tmp, "checks", "CheckList.def")).read()
        assert "KLP_CHECK(patch, example-rule, PatchExampleRuleCheck, Module, Warning, BC," in defs
        assert "| [patch-example-rule](docs/checks/patch-example-rule.md) | An example rule that flags nothing. |" \
            in open(os.path.join(tmp, "README.md")).read()
        # The other scopes: an ELF check (its case an object in
        # test-corpus/elf) and a product check (two modules).
        r = run("elf-example-section", "--scope", "Elf", "--severity", "Note",
                "--summary", "An example ELF rule that flags nothing.")
        assert r.returncode == 0, r.stdout
        r = run("state-example-product", "--scope", "Product", "--gens", "C",
                "--summary", "An example product rule that flags nothing.")
        assert r.returncode == 0, r.stdout
        for f in ("checks/elf/example-section.cpp", "test-corpus/elf/example-section.test",
                  "checks/state/example-product.cpp", "test-corpus/state/example-product.test"):
            assert os.path.exists(os.path.join(tmp, f)), f
        defs = open(os.path.join(tmp, "checks", "CheckList.def")).read()
        assert "KLP_CHECK(elf, example-section, ElfExampleSectionCheck, Elf, Note, ABC," in defs
        assert "KLP_CHECK(state, example-product, StateExampleProductCheck, Product, Warning, C," in defs
        # The elf group and the Elf scope go together.
        assert run("elf-other-rule").returncode != 0
        assert run("state-other-rule", "--scope", "Elf").returncode != 0
        lay = subprocess.run([sys.executable, os.path.join(tmp, "checks", "validate_layout.py")],
                             stdout=subprocess.PIPE, text=True)
        errors = [l for l in lay.stdout.splitlines() if l.startswith("error:")]
        assert errors == ["error: elf-example-section: 1 corpus cases, want at least 3",
                          "error: patch-example-rule: 1 corpus cases, want at least 3",
                          "error: state-example-product: 1 corpus cases, want at least 3"], lay.stdout
        # Compiles like the checks it sits next to.
        db = json.load(open(os.path.join(a.build, "compile_commands.json")))
        ref = next(e for e in db if e["file"].endswith("checks/callbacks/per-object.cpp"))
        args = shlex.split(ref["command"]) if "command" in ref else ref["arguments"]
        out, skip = [], False
        for i, x in enumerate(args):
            if skip:
                skip = False
                continue
            nxt = args[i + 1] if i + 1 < len(args) else ""
            if x == "-o" or (x == "-include" and "cmake_pch" in nxt):
                skip = True  # the object file; the build's own precompiled header
                continue
            if x != "-c" and not x.endswith("per-object.cpp"):
                out.append(x)
        for src in (("patch", "example-rule.cpp"), ("elf", "example-section.cpp"),
                    ("state", "example-product.cpp")):
            cc = out + ["-fsyntax-only", os.path.join(tmp, "checks", *src)]
            c = subprocess.run(cc, cwd=ref["directory"], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
            assert c.returncode == 0, c.stdout
        # Refusals.
        assert run("patch-example-rule").returncode != 0
        assert run("Bad_Name").returncode != 0
        assert run("nogroup-thing").returncode != 0
    print("add-check ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
