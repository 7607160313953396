#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# run-fuzz.sh - the ctest driver of klp-elf-fuzz.
#
#   run-fuzz.sh --fuzzer BIN --yaml2obj BIN --seeds DIR --yaml-dir DIR
#               --regress DIR --work DIR (--replay | --max-total-time N)
#
# Builds the seed corpus (the committed seeds plus every yaml fixture of
# test-corpus/elf through yaml2obj), then either runs each seed and each
# regression input once (--replay) or fuzzes for N seconds from the seeds.
# Any crash, sanitizer report or timeout makes libFuzzer exit non-zero and
# this script with it; the crashing input is left under WORK/artifacts/.
set -euo pipefail

fuzzer= yaml2obj= seeds= yamldir= regress= work= mode= secs=
while [ $# -gt 0 ]; do
  case "$1" in
    --fuzzer) fuzzer=$2; shift 2 ;;
    --yaml2obj) yaml2obj=$2; shift 2 ;;
    --seeds) seeds=$2; shift 2 ;;
    --yaml-dir) yamldir=$2; shift 2 ;;
    --regress) regress=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --replay) mode=replay; shift ;;
    --max-total-time) mode=fuzz; secs=$2; shift 2 ;;
    *) echo "run-fuzz.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[ -x "$fuzzer" ] || { echo "run-fuzz.sh: no fuzzer at '$fuzzer'" >&2; exit 2; }

rm -rf "$work/seeds" "$work/corpus-$mode"
mkdir -p "$work/seeds" "$work/corpus-$mode" "$work/artifacts"
cp "$seeds"/* "$work/seeds/"
n=0
for y in "$yamldir"/*.yaml; do
  # A fixture that yaml2obj rejects is a broken fixture, not a seed to skip.
  "$yaml2obj" "$y" -o "$work/seeds/$(basename "$y" .yaml).o"
  n=$((n + 1))
done
echo "run-fuzz.sh: $(ls "$work/seeds" | wc -l) seeds ($n from yaml fixtures)"

# Container-overflow reports need an instrumented libLLVM; the system one
# is not, so they would be false positives on its vectors.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_container_overflow=0:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

if [ "$mode" = replay ]; then
  inputs=("$work"/seeds/*)
  [ -d "$regress" ] && inputs+=("$regress"/*)
  exec "$fuzzer" -runs=1 "${inputs[@]}"
fi
exec "$fuzzer" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
  "$work/corpus-$mode" "$work/seeds"
