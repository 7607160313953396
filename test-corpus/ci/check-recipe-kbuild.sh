#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# check-recipe-kbuild.sh - the CI recipes of docs/ci.md on a real kbuild
# module: their `make -C "$KDIR" M=... modules` line and their klp-lint-ci
# lines, as written, with KDIR at Debian's 6.12.117 headers (the cache of
# test-corpus/kernel/prepare-kernel.sh). klp-lint reads kbuild's .cmd files:
# no compile_commands.json, no kernel source tree.
#
#   bash test-corpus/ci/check-recipe-kbuild.sh <klp-lint> <source-tree> <work-dir>
#
# Registered as the ctest "kernel-ci-recipe" (label kernel).
set -euo pipefail

KLP_LINT=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
WORK=$3
DOC=$SRC/docs/ci.md
PATH="$(dirname "$KLP_LINT"):$PATH"
export KLP_LINT PATH
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
fail() { echo "check-recipe-kbuild: FAIL: $*" >&2; exit 1; }
ok() { echo "check-recipe-kbuild: ok: $*"; }

cache=$(bash "$SRC/test-corpus/kernel/prepare-kernel.sh" | sed -n 's/^KLP_KERNEL_CACHE=//p')
KDIR=$cache/root/usr/src/linux-headers-6.12.117+deb12-amd64
[ -f "$KDIR/Makefile" ] || fail "no kernel headers at $KDIR"

# lines NAME PATTERN: the lines of recipe block NAME that match PATTERN,
# without YAML's "- " / "run:" prefixes.
lines() {
  python3 - "$DOC" "$1" "$2" <<'PY'
import re, sys
doc, name, pat = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3]
m = re.search(r"<!-- recipe: %s -->\n```[a-z]*\n(.*?)\n```" % re.escape(name), doc, re.S)
if not m:
    sys.exit("no recipe block '%s'" % name)
for line in m.group(1).splitlines():
    if re.search(pat, line):
        line = re.sub(r"^\s*(-\s+)?(run:\s+)?", "", line)
        line = re.sub(r"\s*\|\|\s*status=\$\?\s*$", "", line)
        line = re.sub(r"\s+#.*$", "", line)
        print(line)
PY
}

run() {  # run DIR LINE VAR=VALUE...: sets rc and out
  local dir=$1 line=$2
  shift 2
  echo "check-recipe-kbuild: \$ $line" >&2
  set +e
  out=$(cd "$dir" && env "$@" bash -c "$line" 2>&1)
  rc=$?
  set -e
  printf '%s\n' "$out" | tail -n 20 | sed 's/^/    | /' >&2
}

for recipe in github gitlab; do
  REPO=$WORK/$recipe
  rm -rf "$REPO" && mkdir -p "$REPO"
  git -C "$REPO" init -q
  ln -s "$SRC" "$REPO/klp-lint"
  # A two-file livepatch module of the kernel tests, written for 6.12's API.
  cp -r "$SRC/test-corpus/kernel/joins" "$REPO/livepatch"

  mapfile -t build < <(lines "$recipe" 'make -C "\$KDIR" M="\$PWD/livepatch" modules')
  [ ${#build[@]} -eq 1 ] || fail "$recipe: expected one kbuild line, got ${#build[@]}"
  lines "$recipe" 'KDIR=\$\(ls -d /usr/src/linux-headers-\*-amd64 \| tail -n 1\)$' | grep -q . ||
    fail "$recipe: no KDIR line"
  # The headers are not installed under /usr/src here: KDIR is the cache's,
  # and BTF needs pahole (the recipe installs dwarves).
  run "$REPO" "${build[0]}" KDIR="$KDIR"
  [ $rc -eq 0 ] || fail "$recipe: the kbuild line failed"
  ls "$REPO"/livepatch/.joins-main.o.cmd >/dev/null || fail "$recipe: kbuild wrote no .cmd file"
  [ ! -e "$REPO/livepatch/compile_commands.json" ] || fail "$recipe: a compile_commands.json appeared"
  ok "$recipe: the recipe's kbuild line builds the module"

  # What klp-lint itself finds in the module (through the .cmd files).
  # All of them (SARIF has notes too), and those checkpatch shows
  # (warnings and errors; notes only with --strict).
  read -r want shown < <("$KLP_LINT" -p "$REPO/livepatch" --kbuild-dir="$KDIR" --format=json 2>/dev/null |
    python3 -c 'import json,sys; f=json.load(sys.stdin)["findings"]; print(len(f), sum(x["severity"] != "note" for x in f))')
  [ "$shown" -gt 0 ] || fail "$recipe: klp-lint -p livepatch found nothing"

  mapfile -t lint < <(lines "$recipe" 'tools/klp-lint-ci')
  [ ${#lint[@]} -ge 1 ] || fail "$recipe: no klp-lint-ci line"
  for line in "${lint[@]}"; do
    run "$REPO" "$line" GITHUB_WORKSPACE="$REPO" CI_PROJECT_DIR="$REPO" KDIR="$KDIR"
    case $line in
      *--werror*)
        [ $rc -eq 1 ] || fail "$recipe: '$line' exited $rc, want 1 (findings as errors)"
        n=$(grep -cE '^(WARNING|ERROR):' <<<"$out" || true)
        [ "$n" -eq "$shown" ] || fail "$recipe: checkpatch shows $n findings, klp-lint $shown"
        ;;
      *--format\ sarif*)
        [ $rc -eq 0 ] || fail "$recipe: '$line' exited $rc, want 0"
        n=$(python3 - "$REPO/klp-lint.sarif" "$REPO" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
run = log["runs"][0]
assert run["invocations"][0]["executionSuccessful"] is True
assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == "file://%s/" % sys.argv[2]
for r in run["results"]:
    uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("livepatch/"), uri
print(len(run["results"]))
PY
)
        [ "$n" -eq "$want" ] || fail "$recipe: the SARIF log has $n results, klp-lint $want"
        ;;
      *) fail "$recipe: an unexpected klp-lint-ci line: $line" ;;
    esac
    ok "$recipe: $line"
  done

  # After make clean the database is gone: the gate says so (exit 2).
  make -C "$KDIR" M="$REPO/livepatch" clean >/dev/null 2>&1
  set +e
  msg=$("$KLP_LINT" -p "$REPO/livepatch" --kbuild-dir="$KDIR" 2>&1)
  rc=$?
  set -e
  [ $rc -eq 2 ] && grep -q "cannot read compile database" <<<"$msg" ||
    fail "$recipe: after make clean: exit $rc: $msg"
  ok "$recipe: after make clean, klp-lint -p fails closed (exit 2)"
done
echo "check-recipe-kbuild: 0 problems"
