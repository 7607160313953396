#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# check-recipe.sh - run the CI recipes of docs/ci.md on a sample repository.
#
#   bash test-corpus/ci/check-recipe.sh <klp-lint> <source-tree> <work-dir>
#
# The commands are not copied here: the tools/klp-lint-ci lines of each
# "<!-- recipe: NAME -->" block of docs/ci.md are extracted and run as
# written (with the CI variables GitHub and GitLab would set), and the
# pre-commit block is installed as the sample repository's hook. The sample
# repository is a git work tree with klp-lint's sources at klp-lint/ (a
# symlink, as a submodule would be), the bundled livepatch demo (three
# findings) and a clean second module, and livepatch/compile_commands.json
# (the kernel-ci-recipe test builds a module with kbuild instead).
# Registered as the ctest "ci-recipe" (label ci).
set -euo pipefail

KLP_LINT=$(cd "$(dirname "${1:?usage: check-recipe.sh <klp-lint> <source-tree> <work-dir>}")" && pwd)/$(basename "$1")
SRC=$(cd "${2:?usage}" && pwd)
WORK=${3:?usage}
DOC=$SRC/docs/ci.md
PATH="$(dirname "$KLP_LINT"):$PATH"
export KLP_LINT PATH
# The recipes run in CI where no user configuration exists: keep ours out.
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1

checks=0
fail() {
  echo "check-recipe: FAIL: $*" >&2
  exit 1
}
ok() {
  checks=$((checks + 1))
  echo "check-recipe: ok: $*"
}

# recipe NAME: the klp-lint-ci command lines of block NAME, one a line.
recipe() {
  python3 - "$DOC" "$1" <<'EOF'
import re, sys
doc, name = open(sys.argv[1]).read(), sys.argv[2]
m = re.search(r"<!-- recipe: %s -->\n```[a-z]*\n(.*?)\n```" % re.escape(name),
              doc, re.S)
if not m:
    sys.exit("no recipe block '%s' in docs/ci.md" % name)
for line in m.group(1).splitlines():
    if "tools/klp-lint-ci" not in line:
        continue
    line = re.sub(r"^\s*(-\s+)?(run:\s+)?", "", line)
    # The GitHub step keeps klp-lint's status for the upload's condition.
    line = re.sub(r"\s*\|\|\s*status=\$\?\s*$", "", line)
    print(line)
EOF
}

# block NAME: the whole block.
block() {
  python3 - "$DOC" "$1" <<'EOF'
import re, sys
doc, name = open(sys.argv[1]).read(), sys.argv[2]
m = re.search(r"<!-- recipe: %s -->\n```[a-z]*\n(.*?\n)```" % re.escape(name),
              doc, re.S)
if not m:
    sys.exit("no recipe block '%s' in docs/ci.md" % name)
sys.stdout.write(m.group(1))
EOF
}

# run_line DIR LINE [VAR=VALUE...]: run one recipe line as CI's shell would;
# sets $rc, $out (stdout+stderr).
run_line() {
  local dir=$1 line=$2
  shift 2
  echo "check-recipe: \$ $line" >&2
  set +e
  out=$(cd "$dir" && env "$@" bash -c "$line" 2>&1)
  rc=$?
  set -e
  printf '%s\n' "$out" | sed 's/^/    | /' >&2
}

# sarif_summary FILE ROOT: "<results> <uri>..." after checking the shape.
sarif_summary() {
  python3 - "$1" "$2" <<'EOF'
import json, sys
log = json.load(open(sys.argv[1]))
run = log["runs"][0]
assert log["version"] == "2.1.0"
assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == "file://%s/" % sys.argv[2]
uris = set()
for r in run["results"]:
    art = r["locations"][0]["physicalLocation"]["artifactLocation"]
    assert art.get("uriBaseId") == "SRCROOT", art
    assert r["partialFingerprints"]["primaryLocationLineHash"]
    uris.add(art["uri"])
print(len(run["results"]), " ".join(sorted(uris)))
EOF
}

# --- The sample repository ---------------------------------------------------
rm -rf "$WORK"
REPO=$WORK/repo
mkdir -p "$REPO/livepatch"
git -C "$REPO" init -q
git -C "$REPO" config user.name "klp-lint recipe test"
git -C "$REPO" config user.email "klp-lint@example.invalid"
git -C "$REPO" config core.hooksPath .git/hooks
ln -s "$SRC" "$REPO/klp-lint"
printf 'klp-lint\ncompile_commands.json\n*.sarif\n' >"$REPO/.git/info/exclude"
cp "$SRC/examples/livepatch-demo.c" "$REPO/livepatch/demo.c"
cat >"$REPO/livepatch/plain.c" <<'EOF'
// SPDX-License-Identifier: GPL-2.0
#include <linux/module.h>
static int plain_init(void) { return 0; }
module_init(plain_init);
MODULE_LICENSE("GPL");
EOF
echo "A livepatch." >"$REPO/README"
python3 - "$REPO" "$SRC/kernel-support/include" <<'EOF'
import json, sys
repo, inc = sys.argv[1], sys.argv[2]
db = [{"directory": repo, "file": "%s/livepatch/%s.c" % (repo, f),
       "arguments": ["gcc", "-c", "-std=gnu11", "-I" + inc,
                     '-DKBUILD_MODNAME="%s"' % m, "-o", "livepatch/%s.o" % f,
                     "livepatch/%s.c" % f]}
      for f, m in (("demo", "livepatch_demo"), ("plain", "plain"))]
json.dump(db, open(repo + "/livepatch/compile_commands.json", "w"), indent=1)
EOF
git -C "$REPO" add README livepatch
git -C "$REPO" commit -q -m "The demo livepatch, with its three known findings"

# --- GitHub Actions ------------------------------------------------------------
lines=$(recipe github)
[ "$(printf '%s\n' "$lines" | wc -l)" -eq 1 ] || fail "github: expected one klp-lint-ci line, got: $lines"
run_line "$REPO" "$lines" GITHUB_WORKSPACE="$REPO"
[ $rc -eq 0 ] || fail "github: exit $rc (findings alone must not fail this step)"
summary=$(sarif_summary "$REPO/klp-lint.sarif" "$REPO") || fail "SARIF of $REPO/klp-lint.sarif is not as GitHub needs it (above)"
[ "$summary" = "3 livepatch/demo.c" ] || fail "github: SARIF has '$summary', expected 3 results in livepatch/demo.c"
ok "github: klp-lint.sarif with 3 repository-relative results ($lines)"
# A failed run is not uploaded: the step records klp-lint's exit status and
# the upload step runs only for 0 and 1. Read the recipe's own lines and
# replay them with a run that cannot analyze (a missing database).
gh=$(block github)
grep -qF 'echo "status=$status" >> "$GITHUB_OUTPUT"' <<<"$gh" || fail "github: the klp-lint step does not record its status"
upload_if=$(awk '/name: Upload to code scanning/{u=1} u && /if:/{print; exit}' <<<"$gh")
grep -qF "steps.klp-lint.outputs.status == '0'" <<<"$upload_if" &&
  grep -qF "steps.klp-lint.outputs.status == '1'" <<<"$upload_if" &&
  ! grep -qF "== '2'" <<<"$upload_if" || fail "github: the upload step's condition ($upload_if) does not skip failed runs"
broken=${lines/-p livepatch/-p no-such-build}
run_line "$REPO" "$broken" GITHUB_WORKSPACE="$REPO"
[ $rc -eq 2 ] || fail "github: a run without its database exited $rc, want 2"
grep -q '"executionSuccessful": false' "$REPO/klp-lint.sarif" || fail "github: the failed run's log does not say so"
ok "github: a failed run (exit 2) is not uploaded, and its log says executionSuccessful false"

# --- GitLab CI ---------------------------------------------------------------------
rm -f "$REPO/klp-lint.sarif"
mapfile -t lines < <(recipe gitlab)
[ ${#lines[@]} -eq 2 ] || fail "gitlab: expected two klp-lint-ci lines, got ${#lines[@]}"
run_line "$REPO" "${lines[0]}" CI_PROJECT_DIR="$REPO"
[ $rc -eq 0 ] || fail "gitlab: SARIF step exit $rc"
summary=$(sarif_summary "$REPO/klp-lint.sarif" "$REPO") || fail "SARIF of $REPO/klp-lint.sarif is not as GitHub needs it (above)"
[ "$summary" = "3 livepatch/demo.c" ] || fail "gitlab: SARIF artifact has '$summary'"
ok "gitlab: SARIF artifact"
run_line "$REPO" "${lines[1]}" CI_PROJECT_DIR="$REPO"
[ $rc -eq 1 ] || fail "gitlab: checkpatch step exit $rc, expected 1 (findings with --werror)"
grep -q '^ERROR:SHADOW_ID_WITHOUT_STATE: ' <<<"$out" || fail "gitlab: no ERROR:SHADOW_ID_WITHOUT_STATE in the log"
grep -q '^#34: FILE: livepatch/demo.c:34:$' <<<"$out" || fail "gitlab: no '#34: FILE: livepatch/demo.c:34:' line"
grep -q '^ERROR:SHADOW_MODULE_OBJECT_LIFETIME: ' <<<"$out" || fail "gitlab: no ERROR:SHADOW_MODULE_OBJECT_LIFETIME"
grep -q '^ERROR:STATE_MISSING_DISABLE_CALLBACKS: ' <<<"$out" || fail "gitlab: no ERROR:STATE_MISSING_DISABLE_CALLBACKS"
grep -q '^total: 3 errors, 0 warnings, ' <<<"$out" || fail "gitlab: no checkpatch total line"
ok "gitlab: checkpatch job log, exit 1"

# --- Baseline ---------------------------------------------------------------------
mapfile -t lines < <(recipe baseline)
[ ${#lines[@]} -eq 1 ] || fail "baseline: expected one klp-lint-ci line"
run_line "$REPO" "${lines[0]}"
[ $rc -eq 0 ] && [ -s "$REPO/.klp-lint-baseline.json" ] || fail "baseline: not written (exit $rc)"
git -C "$REPO" add .klp-lint-baseline.json
git -C "$REPO" commit -q -m "klp-lint baseline"
mapfile -t ci < <(recipe baseline-ci)
run_line "$REPO" "${ci[0]}"
[ $rc -eq 0 ] || fail "baseline-ci: exit $rc with only known findings"
grep -q 'ERROR:' <<<"$out" && fail "baseline-ci: a known finding was reported"
ok "baseline: known findings pass the gate"

# --- Shards -----------------------------------------------------------------------
shard_line=$(recipe shards)
total=0
for s in 1 2 3 4; do
  line=${shard_line//'${{ matrix.shard }}'/$s}
  run_line "$REPO" "$line" GITHUB_WORKSPACE="$REPO"
  [ $rc -eq 0 ] || fail "shards: shard $s exit $rc"
  n=$(sarif_summary "$REPO/klp-lint-$s.sarif" "$REPO" | cut -d' ' -f1)
  total=$((total + n))
done
[ $total -eq 3 ] || fail "shards: $total results over 4 shards, expected the 3 of the full run"
ok "shards: 4 shards hold the full run's 3 results once"

# --- Pre-commit hook ------------------------------------------------------------
block pre-commit >"$REPO/.git/hooks/pre-commit"
chmod +x "$REPO/.git/hooks/pre-commit"
head -n 1 "$REPO/.git/hooks/pre-commit" | grep -q '^#!/bin/sh' || fail "pre-commit: the block is not a script"

commit() { # commit MESSAGE: sets $rc and $out
  set +e
  out=$(cd "$REPO" && git commit -q -m "$1" 2>&1)
  rc=$?
  set -e
  printf '%s\n' "$out" | sed 's/^/    | /' >&2
}

# A change that touches no .c file.
echo "More words." >>"$REPO/README"
git -C "$REPO" add README
commit "README only"
[ $rc -eq 0 ] || fail "pre-commit: a README change was refused"
ok "pre-commit: no .c staged, commit accepted"

# A clean change to a file with known findings: they are on lines not touched.
sed -i 's|^/\* One id per feature, shared by the state and the shadow calls. \*/|/* One id per feature: the state and the shadow calls share it. */|' "$REPO/livepatch/demo.c"
git -C "$REPO" diff --quiet && fail "pre-commit: the clean edit changed nothing"
git -C "$REPO" add livepatch/demo.c
commit "Reword a comment"
[ $rc -eq 0 ] || fail "pre-commit: a clean change was refused (exit $rc)"
ok "pre-commit: clean change accepted despite the file's known findings"

# A change that adds a finding: a shadow id without a state, on a new line.
python3 - "$REPO/livepatch/demo.c" <<'EOF'
import sys
p = sys.argv[1]
s = open(p).read()
anchor = "static int loglevel_pre_patch"
new = ("static void *livepatch_session_peek(struct session *s)\n"
       "{\n"
       "\treturn klp_shadow_get(s, 3);\n"
       "}\n\n")
assert anchor in s
open(p, "w").write(s.replace(anchor, new + anchor, 1))
EOF
git -C "$REPO" add livepatch/demo.c
before=$(git -C "$REPO" rev-parse HEAD)
commit "Peek at sessions"
[ $rc -ne 0 ] || fail "pre-commit: a change adding a finding was accepted"
[ "$(git -C "$REPO" rev-parse HEAD)" = "$before" ] || fail "pre-commit: the commit was made"
grep -q "ERROR:SHADOW_ID_WITHOUT_STATE: shadow variable id 3 used by klp_shadow_get()" <<<"$out" ||
  fail "pre-commit: the new finding is not named"
grep -q "DEMO_SESSION_TIME\|DEMO_LOGLEVEL_STATE" <<<"$out" &&
  fail "pre-commit: an old finding on an untouched line was reported"
ok "pre-commit: change adding a finding refused, only the new finding shown"

# Fixed (the new call removed again): accepted.
git -C "$REPO" checkout -q HEAD -- livepatch/demo.c
echo "/* end */" >>"$REPO/livepatch/demo.c"
git -C "$REPO" add livepatch/demo.c
commit "A trailing comment"
[ $rc -eq 0 ] || fail "pre-commit: the fixed change was refused"
ok "pre-commit: fixed change accepted"

echo "check-recipe: $checks passed, 0 failed"
