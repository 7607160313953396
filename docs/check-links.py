#!/usr/bin/env python3
"""Check that docs/ is self-contained and that its links resolve.

    python3 docs/check-links.py [--self-test] [<extra .md file>...]

Over every Markdown file under docs/ (plus any named on the command line):
  * every relative link [text](path[#fragment]) names an existing file, and a
    fragment into a .md file names an anchor of it: a GitHub heading slug or
    an <a id="..."></a> tag (duplicate anchors are errors);
  * every scenario id (CB-1, DER-12, ...) outside code is the text of a link
    to its anchor, or stands right after its own <a id> tag;
  * nothing refers to the internal semantics document or to section signs
    (.trace files are scanned for that too).
And for docs/semantics.md: an anchor for every scenario id of the spec and of
kernel-support/tests/<id>.scenario, and for every check of
checks/CheckList.def (rule-<name>), to which that check's page links.
Exit 0 when clean, 1 with one "error:" line per problem.
"""
import glob
import os
import re
import sys
import tempfile

# Spelled in pieces so that this file passes its own scan (and a grep of docs/).
FORBIDDEN = ["livepatch" + "-semantics", "shar" + "ed/", "\u00a7"]
SPEC_SCENARIOS = ([f"cb-{n}" for n in range(1, 8)] + [f"st-{n}" for n in range(1, 5)] +
                  [f"ord-{n}" for n in range(1, 7)] + [f"der-{n}" for n in range(1, 13)] +
                  [f"leg-{n}" for n in range(1, 6)])
SCENARIO_ID = re.compile(r"\b(?:CB|ST|ORD|DER|LEG)-\d+\b")
LINK = re.compile(r"!?\[((?:[^\[\]]|\[[^\]]*\])*)\]\(([^)\s]+)\)")
ANCHOR = re.compile(r'<a\s+(?:id|name)="([^"]+)"\s*>\s*</a>')


def prose(text):
    """The text without fenced code blocks and code spans (same length lines)."""
    out, fence = [], False
    for line in text.split("\n"):
        if line.lstrip().startswith("```"):
            fence = not fence
            out.append("")
        elif fence:
            out.append("")
        else:
            out.append(re.sub(r"`[^`]*`", lambda m: " " * len(m.group()), line))
    return "\n".join(out)


def slug(heading):
    """GitHub's heading slug of the rendered heading text."""
    t = re.sub(r"<[^>]+>", "", heading)
    t = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", t).replace("`", "").replace("*", "")
    return re.sub(r"[^\w\- ]", "", t.strip().lower()).replace(" ", "-")


def anchors(path, errors):
    text = open(path, encoding="utf-8").read()
    seen, found = {}, set()
    code = prose(text)
    for line in code.split("\n"):
        m = re.match(r"#{1,6}\s+(.*?)\s*#*\s*$", line)
        if m:
            base = slug(m.group(1))
            n = seen.get(base, 0)
            seen[base] = n + 1
            found.add(base if n == 0 else f"{base}-{n}")
    for a in ANCHOR.findall(code):
        if a in found:
            errors.append(f"{path}: duplicate anchor '{a}'")
        found.add(a)
    return found


def check(root, extra=()):
    errors, cache = [], {}
    docs = os.path.join(root, "docs")

    def anchors_of(p):
        if p not in cache:
            cache[p] = anchors(p, errors)
        return cache[p]

    files = sorted(glob.glob(os.path.join(docs, "**", "*.md"), recursive=True)) + list(extra)
    for p in files + sorted(glob.glob(os.path.join(docs, "**", "*.trace"), recursive=True)):
        for n, line in enumerate(open(p, encoding="utf-8"), 1):
            for bad in FORBIDDEN:
                if bad in line:
                    errors.append(f"{p}:{n}: refers to '{bad}': link docs/semantics.md instead")
    for p in files:
        text = prose(open(p, encoding="utf-8").read())
        for n, line in enumerate(text.split("\n"), 1):
            for m in LINK.finditer(line):
                target = m.group(2)
                if re.match(r"[a-z]+:", target):
                    continue  # http:, https:, mailto:
                path, _, frag = target.partition("#")
                dest = os.path.normpath(os.path.join(os.path.dirname(p), path)) if path else p
                if not os.path.exists(dest):
                    errors.append(f"{p}:{n}: broken link '{target}'")
                elif frag and dest.endswith(".md") and frag not in anchors_of(dest):
                    errors.append(f"{p}:{n}: no anchor '#{frag}' in {os.path.relpath(dest, root)}")
            # Scenario ids: the text of a link to their anchor, or after their own anchor.
            rest = LINK.sub(lambda m: "" if SCENARIO_ID.fullmatch(m.group(1)) and
                            m.group(2).endswith("#" + m.group(1).lower()) else m.group(), line)
            rest = re.sub(r'<a\s+id="([a-z]+-\d+)"\s*></a>([A-Z]+-\d+)',
                          lambda m: "" if m.group(1) == m.group(2).lower() else m.group(), rest)
            for sid in SCENARIO_ID.findall(rest):
                errors.append(f"{p}:{n}: scenario id {sid} without a link to semantics.md#{sid.lower()}")

    sem = os.path.join(docs, "semantics.md")
    if not os.path.exists(sem):
        return errors + [f"missing {sem}"]
    have = anchors_of(sem)
    ids = set(SPEC_SCENARIOS)
    for s in glob.glob(os.path.join(root, "kernel-support", "tests", "*.scenario")):
        base = os.path.basename(s)[:-len(".scenario")]
        if re.fullmatch(r"(cb|st|ord|der|leg)-\d+", base):
            ids.add(base)
    for i in sorted(ids):
        if i not in have:
            errors.append(f"{sem}: no anchor for scenario '#{i}'")
    registry = os.path.join(root, "checks", "CheckList.def")
    text = open(registry).read() if os.path.exists(registry) else ""
    checks = re.findall(r"^KLP_CHECK\((\w+),\s*([\w-]+),", text, re.M)
    for group, name in checks:
        check_name = f"{group}-{name}"
        if f"rule-{check_name}" not in have:
            errors.append(f"{sem}: no anchor '#rule-{check_name}' for check {check_name}")
        page = os.path.join(docs, "checks", check_name + ".md")
        if os.path.exists(page) and f"../semantics.md#rule-{check_name}" not in open(page).read():
            errors.append(f"{page}: does not link ../semantics.md#rule-{check_name}")
    return errors


def self_test():
    """The checker must notice each kind of problem, and pass a clean tree."""
    with tempfile.TemporaryDirectory() as root:
        os.makedirs(os.path.join(root, "docs"))
        sem = os.path.join(root, "docs", "semantics.md")
        ok = "# S\n\n" + "".join(f'<a id="{i}"></a>{i.upper()}\n' for i in SPEC_SCENARIOS) + \
            "## Two words\n\n[see](#two-words), [CB-1](#cb-1), `DER-2 in code`\n"
        open(sem, "w").write(ok)
        assert check(root) == [], check(root)
        cases = {"[x](nothing.md)": "broken link", "[x](#nowhere)": "no anchor",
                 "see DER-3": "without a link", "see " + FORBIDDEN[0] + ".md": "refers to",
                 '<a id="cb-1"></a>': "duplicate anchor"}
        for bad, want in cases.items():
            open(sem, "w").write(ok + bad + "\n")
            errs = check(root)
            assert len(errs) == 1 and want in errs[0], (bad, errs)
        open(sem, "w").write(ok.replace('<a id="der-12"></a>', ""))
        assert any("'#der-12'" in e for e in check(root)), "missing scenario anchor"
    print("self-test ok")
    return 0


def main(argv):
    if argv[1:2] == ["--self-test"]:
        return self_test()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    errors = check(root, [os.path.abspath(a) for a in argv[1:]])
    for e in errors:
        print("error: " + e.replace(root + os.sep, ""))
    print(f"{len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
