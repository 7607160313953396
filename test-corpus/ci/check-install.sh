#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# The package: `cmake --install` puts every binary, the CI script, the man
# page and the bash completion in place, and the installed tools work from
# there (no build tree, no source tree on PATH).
#
#   check-install.sh <build-dir> <source-dir> <work-dir>
set -euo pipefail
BUILD=$1 SRC=$2 WORK=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

rm -rf "$WORK" && mkdir -p "$WORK"
PREFIX=$WORK/prefix
cmake --install "$BUILD" --prefix "$PREFIX" >"$WORK/install.log"

for b in klp-lint klp-lint-cc klp-sim klp-sim-a klp-elf-dump klp-lint-ci; do
  [ -x "$PREFIX/bin/$b" ] || fail "bin/$b is not installed"
done
ok "every binary and the CI script are in bin/"
for f in share/man/man1/klp-lint.1 share/bash-completion/completions/klp-lint \
         share/doc/klp-lint/LICENSE share/doc/klp-lint/CHANGELOG.md \
         share/klp-lint/kernel-support/include/linux/livepatch.h; do
  [ -f "$PREFIX/$f" ] || fail "$f is not installed"
done
ok "man page, completion, licence, changelog, kernel-support headers"

# The links of --explain resolve from share/doc/klp-lint as from the sources.
links=$("$PREFIX/bin/klp-lint" --explain=shadow-id-without-state |
        grep -o '](docs/[^)#]*' | cut -c3- | sort -u)
[ -n "$links" ] || fail "--explain has no docs/ links"
for l in $links; do
  [ -f "$PREFIX/share/doc/klp-lint/$l" ] || fail "--explain links $l, not installed"
done
ok "--explain's links resolve in share/doc/klp-lint"

# --version names the git revision of the sources it was built from.
v=$("$PREFIX/bin/klp-lint" --version)
[[ $v =~ ^klp-lint\ [0-9.]+\ \(git\ ([^,]+),\ LLVM\ 19 ]] || fail "--version: $v"
if want=$(git -C "$SRC" describe --always --dirty --abbrev=12 2>/dev/null); then
  [ "${BASH_REMATCH[1]}" = "$want" ] || fail "--version says ${BASH_REMATCH[1]}, the sources are $want"
fi
"$PREFIX/bin/klp-lint-cc" --version | grep -q "^klp-lint-cc .* (git " || fail "klp-lint-cc --version"
ok "--version: $v"

# The man page: valid for man(1), and it documents every option --help shows.
warn=$(MANWIDTH=80 man --warnings -l "$PREFIX/share/man/man1/klp-lint.1" 2>&1 >/dev/null) || true
[ -z "$warn" ] || fail "man page warnings: $warn"
page=$(MANWIDTH=200 man -l "$PREFIX/share/man/man1/klp-lint.1" 2>/dev/null)
n=0
while read -r opt; do
  grep -q -- "$opt" <<<"$page" || fail "the man page lacks $opt (in --help)"
  n=$((n + 1))
done < <("$PREFIX/bin/klp-lint" --help | grep -oE '^ +--?[a-z][a-z-]*' | tr -d ' ' | grep -v -- '^--help$')
[ "$n" -gt 20 ] || fail "only $n options in --help?"
ok "the man page has all $n options of --help"

# The completion: options, check names after --checks=, the formats.
complete_words() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1));
           _klp_lint; printf "%s\n" "${COMPREPLY[@]}"' _ \
    "$PREFIX/share/bash-completion/completions/klp-lint" "$@"
}
complete_words klp-lint --che | grep -qx -- '--checks=' || fail "completion of --che"
complete_words klp-lint --checks = shadow-id | grep -qx 'shadow-id-without-state' ||
  fail "completion of --checks=shadow-id"
[ "$(complete_words klp-lint --format = | sort | tr '\n' ' ')" = "checkpatch json sarif text " ] ||
  fail "completion of --format="
ok "bash completion: options, checks, formats"

# The installed tools work on their own: the bundled example with the
# embedded headers, and the CI script finds the klp-lint beside it.
out=$(env -i PATH=/usr/bin:/bin "$PREFIX/bin/klp-lint" "$SRC/examples/livepatch-demo.c" 2>&1) ||
  fail "installed klp-lint on the example: $out"
grep -q "warning: .*\[shadow-id-without-state\]" <<<"$out" || fail "installed klp-lint found nothing: $out"
cmd=$(cd "$WORK" && env -i PATH=/usr/bin:/bin "$PREFIX/bin/klp-lint-ci" --dry-run x.c)
[[ $cmd == "$PREFIX/bin/klp-lint "* ]] || fail "klp-lint-ci does not use the klp-lint beside it: $cmd"
ok "installed klp-lint and klp-lint-ci work without the build tree"
echo "0 problems"
