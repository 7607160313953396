// patch-blocking-tail-call is opt-in: the default set of checks leaves it
// out, so the patch target of blocking-tail-call-target.c is not reported
// unless --checks (or Checks:) names the check; "*" names it too.
// RUN: %klp-lint %S/blocking-tail-call-target.c -- %api-c 2>&1 | count 0
// RUN: %klp-lint --checks=* %S/blocking-tail-call-target.c -- %api-c 2>&1 | FileCheck %s
// RUN: %klp-lint --list-checks | not grep -q patch-blocking-tail-call
// RUN: %klp-lint --list-checks --checks=patch-* | grep -q patch-blocking-tail-call
// CHECK: note: 'speaker_sleep' (a patch target: a klp_func's old_name) ends in a call {{.*}} [patch-blocking-tail-call]
// SPDX-License-Identifier: GPL-2.0-only
