/* SPDX-License-Identifier: GPL-2.0-only */
//===- SourcePatch.h - A kpatch-build / klp-build source patch -*- C++ -*-===//
//
// klp-lint --patch <file.patch>... --kernel-tree <src> [-p <build>]
//
// kpatch-build and klp-build turn source patches against a kernel tree into
// a livepatch module whose struct klp_patch they write themselves, without
// states (docs/semantics.md#rules-generation-a). This input applies the
// patches in memory (the tree is never written to), finds each touched C
// file's kbuild compile command, analyzes the touched translation units as
// that one generated module, and reports what the patches cause: findings
// on their '+' lines, with a note naming the patch and hunk, and findings
// elsewhere only when the unpatched sources do not have them
// (docs/patches.md).
//
//===----------------------------------------------------------------------===//

#ifndef KLP_DRIVER_SOURCEPATCH_H
#define KLP_DRIVER_SOURCEPATCH_H

#include "driver/Run.h"

namespace klp {

/// Analyze Opts.Inputs.Patches against Opts.Inputs.KernelTree; returns the
/// exit code (as runAnalysis).
int runSourcePatch(const RunOptions &Opts, SettingsResolver &Resolver,
                   Report &R);

} // namespace klp

#endif
