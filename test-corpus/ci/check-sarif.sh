#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# check-sarif.sh - validate klp-lint's SARIF with Microsoft's SARIF Multitool,
# including its GitHub ingestion rules (the GH* rules: what GitHub code
# scanning requires of an upload).
#
#   bash test-corpus/ci/check-sarif.sh <klp-lint> <source-tree> <work-dir>
#
# Installs @microsoft/sarif-multitool (pinned) with npm into
# ${XDG_CACHE_HOME:-$HOME/.cache}/klp-lint/sarif-multitool once, runs
# klp-lint --format=sarif --source-root=<source-tree> on corpus files with
# findings of every check and level, and validates each log with
#
#   Sarif.Multitool validate --rule-kind "Gh;Sarif" --level "Error;Warning;Note"
#
# It fails on any error, on any GH rule result at any level, and on any SARIF
# warning except SARIF2005 ("no informationUri": klp-lint has no public home
# page to point to; the log carries the rules' help text instead). SARIF notes
# are advice (message ids, contextRegion, rule id format, ...) and pass.
# A negative self-test first proves that the GH rules run: a copy of a log
# with "locations" removed from a result must be reported as GH1015/GH1017.
# Registered as the ctest "sarif-multitool" (label ci).
set -euo pipefail
set -f # no globbing: option words like --warnings-as-errors=state-* stay as written

KLP_LINT=${1:?usage: check-sarif.sh <klp-lint> <source-tree> <work-dir>}
SRC=$(cd "${2:?usage: check-sarif.sh <klp-lint> <source-tree> <work-dir>}" && pwd)
WORK=${3:?usage: check-sarif.sh <klp-lint> <source-tree> <work-dir>}

VERSION=5.7.0
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/klp-lint/sarif-multitool
LINUX_PKG=$CACHE/node_modules/@microsoft/sarif-multitool-linux
TOOL=$LINUX_PKG/Sarif.Multitool
# The tool is a self-contained .NET program: without this it needs libicu.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1

fail() {
  echo "check-sarif: FAIL: $*" >&2
  exit 1
}

installed_version() {
  [ -f "$LINUX_PKG/package.json" ] || return 0
  sed -n 's/^[[:space:]]*"version":[[:space:]]*"\([^"]*\)".*/\1/p' "$LINUX_PKG/package.json" | head -n 1
}

# --- Install (idempotent) ---------------------------------------------------
if [ "$(installed_version)" != "$VERSION" ] || [ ! -f "$TOOL" ]; then
  command -v npm >/dev/null || fail "npm is needed to install @microsoft/sarif-multitool"
  mkdir -p "$CACHE"
  echo "check-sarif: installing @microsoft/sarif-multitool@$VERSION into $CACHE" >&2
  # The package's postinstall only makes the binary executable; done below.
  npm install --prefix "$CACHE" --no-save --no-audit --no-fund --ignore-scripts \
    "@microsoft/sarif-multitool@$VERSION" >&2
  [ "$(installed_version)" = "$VERSION" ] || fail "npm did not install sarif-multitool-linux $VERSION"
fi
[ -x "$TOOL" ] || chmod u+x "$TOOL"

rm -rf "$WORK"
mkdir -p "$WORK"

# validate <log.sarif>: the tool's report in <log>.txt; prints the problems.
validate() {
  local log=$1 out=$1.txt
  "$TOOL" validate --rule-kind "Gh;Sarif" --level "Error;Warning;Note" "$log" >"$out" 2>&1 ||
    { cat "$out" >&2; fail "Sarif.Multitool validate exited $? on $log"; }
  grep -q "Analysis completed successfully" "$out" ||
    { cat "$out" >&2; fail "Sarif.Multitool did not complete on $log"; }
}

# problems <report>: the results that fail the check.
problems() {
  grep -E ': (error|warning|note) [A-Z]+[0-9]+: ' "$1" |
    grep -E ': error |: (error|warning|note) GH[0-9]+: |: warning ' |
    grep -vE ': warning SARIF2005: ' || true
}

# --- klp-lint's logs ----------------------------------------------------------
# name | compiler arguments ("" = the embedded headers) | extra klp-lint options
CASES=(
  "demo|examples/livepatch-demo.c||"
  "state|test-corpus/state/missing-disable-callbacks.c|-I$SRC/kernel-support/include|--warnings-as-errors=state-*"
  "shadow|test-corpus/shadow/id-without-state.c|-I$SRC/kernel-support/include|"
  "per-object|test-corpus/callbacks/per-object.c|-I$SRC/test-corpus/include/api-a -I$SRC/kernel-support/include|"
  "poc-spelling|test-corpus/callbacks/poc-spelling.c|-I$SRC/test-corpus/include/api-b -I$SRC/kernel-support/include|"
  "nolint|test-corpus/cli/nolint.c|-I$SRC/kernel-support/include|"
)

logs=()
for c in "${CASES[@]}"; do
  IFS='|' read -r name file args opts <<<"$c"
  [ -f "$SRC/$file" ] || fail "no corpus file $file"
  log=$WORK/$name.sarif
  set +e
  # shellcheck disable=SC2086 # $args and $opts are word lists (no globbing)
  if [ -n "$args" ]; then
    "$KLP_LINT" --format=sarif --source-root="$SRC" $opts "$SRC/$file" -- $args >"$log" 2>"$WORK/$name.stderr"
  else
    "$KLP_LINT" --format=sarif --source-root="$SRC" $opts "$SRC/$file" >"$log" 2>"$WORK/$name.stderr"
  fi
  rc=$?
  set -e
  # 0, or 1 for a promoted finding; 2 means the file could not be analyzed.
  [ $rc -le 1 ] || { cat "$WORK/$name.stderr" >&2; fail "klp-lint exited $rc on $file"; }
  grep -q '"ruleId"' "$log" || fail "$file gave no result: nothing would be validated"
  logs+=("$log")
done

# A failed run (a file that does not exist): executionSuccessful false with a
# notification; the log must be as valid as any other.
set +e
"$KLP_LINT" --format=sarif --source-root="$SRC" "$SRC/examples/livepatch-demo.c" "$SRC/examples/no-such-file.c" >"$WORK/failed.sarif" 2>"$WORK/failed.stderr"
rc=$?
set -e
[ $rc -eq 2 ] || fail "a missing file gave exit $rc, want 2"
grep -q '"executionSuccessful": false' "$WORK/failed.sarif" || fail "the failed run's log does not say executionSuccessful false"
logs+=("$WORK/failed.sarif")

# --- Negative self-test: the GH rules must run ------------------------------
python3 - "$WORK/demo.sarif" "$WORK/broken.sarif" <<'EOF'
import json, sys
log = json.load(open(sys.argv[1]))
del log["runs"][0]["results"][0]["locations"]
json.dump(log, open(sys.argv[2], "w"), indent=2)
EOF
validate "$WORK/broken.sarif"
for rule in GH1015 GH1017; do
  grep -qE ": error $rule: " "$WORK/broken.sarif.txt" ||
    { cat "$WORK/broken.sarif.txt" >&2; fail "the broken log was not reported as $rule: are the GitHub rules running?"; }
done
[ -n "$(problems "$WORK/broken.sarif.txt")" ] || fail "problems() does not see the broken log's errors"
echo "check-sarif: self-test: a result without locations is reported as GH1015 and GH1017" >&2

# --- The real logs ---------------------------------------------------------------
status=0
for log in "${logs[@]}"; do
  validate "$log"
  bad=$(problems "$log.txt")
  results=$(grep -c '"ruleId"' "$log" || true)
  if [ -n "$bad" ]; then
    echo "check-sarif: $(basename "$log"): $results results, REJECTED:" >&2
    echo "$bad" >&2
    status=1
  else
    echo "check-sarif: $(basename "$log"): $results results, valid for GitHub" >&2
  fi
done
[ $status -eq 0 ] || fail "SARIF Multitool found problems (above)"
echo "check-sarif: ${#logs[@]} logs valid (SARIF 2.1.0 and GitHub ingestion rules)"
