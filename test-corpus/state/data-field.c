// state-data-field: a case that must stay silent. Add one file per construct
// that must be flagged (klp-warning {{...}} on its line) and per look-alike.
// RUN: %klp-lint --checks=-*,state-data-field %s -- %api-c -Xclang -verify=klp
// klp-no-diagnostics

#include <linux/livepatch.h>
