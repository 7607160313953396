// callbacks-reenter-core look-alike across the files of one module, which
// must stay silent: the state's post_patch in livepatch.c calls its file's
// static kick() (through a macro), which only counts; other.c has a static
// kick() of its own that does call klp_enable_patch(), but no callback
// reaches it. A call graph that joined functions by name alone, not by
// file for static ones, would report the post_patch.
// RUN: %klp-lint --checks=-*,callbacks-reenter-core %S/Inputs/reenter-core-lookalike-multi-file/livepatch.c %S/Inputs/reenter-core-lookalike-multi-file/other.c -- %api-c 2>&1 | count 0
// RUN: %klp-lint --checks=-*,callbacks-reenter-core %S/Inputs/reenter-core-lookalike-multi-file/other.c %S/Inputs/reenter-core-lookalike-multi-file/livepatch.c -- %api-c 2>&1 | count 0
// SPDX-License-Identifier: GPL-2.0-only
