#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# make-seeds.sh - regenerate the committed seeds of elf-seeds/ from
# kernel-support's standard test livepatch (our own code): generation C
# relocatable objects as kbuild would compile them (-fno-pie, -c), without
# debug info, with gcc's DWARF 5 and with clang's DWARF 5 (strx forms).
# The yaml fixtures of test-corpus/elf are added at test time (run-fuzz.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ks=$here/../../kernel-support
out=$here/elf-seeds
mkdir -p "$out"
flags=(-std=gnu11 -Os -fno-pie -fno-asynchronous-unwind-tables -c -I"$ks/include"
       '-DKBUILD_MODNAME="lp"' -DLP_ID1=10 -DLP_ID2=11 -DLP_REPLACE=1 -DLP_BLOCK_ID=11)
gcc "${flags[@]}" "$ks/tests/modules/test_lp.c" -o "$out/gen-c.o"
gcc "${flags[@]}" -g "$ks/tests/modules/test_lp.c" -o "$out/gen-c-gcc-dwarf5.o"
clang-19 "${flags[@]}" -g "$ks/tests/modules/test_lp.c" -o "$out/gen-c-clang-dwarf5.o"
ls -l "$out"
