// state-array-unterminated: a case that must stay silent. Add one file per construct
// that must be flagged (klp-warning {{...}} on its line) and per look-alike.
// RUN: %klp-lint --checks=-*,state-array-unterminated %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
