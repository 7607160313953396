/* SPDX-License-Identifier: GPL-2.0-only */
//===- KbuildMode.h - klp-lint inside kbuild -------------------*- C++ -*-===//

#ifndef KLP_LINT_KBUILDMODE_H
#define KLP_LINT_KBUILDMODE_H

namespace klp {

/// klp-lint-cc <compiler> <args...>: run the compiler unchanged, then
/// analyze. Returns the compiler's exit status unless a finding is promoted
/// by an explicit policy (KLP_LINT_WERROR=1 or --warnings-as-errors in
/// KLP_LINT_FLAGS) and the compiler succeeded.
int wrapperMain(int Argc, const char **Argv, bool RunCompiler = true);

/// make C=1|2 CHECK=klp-lint: argv is "<klp-lint options> <CHECKFLAGS>
/// <c_flags> file.c". Exit 0 unless a finding is promoted by an explicit
/// policy.
int checkerMain(int Argc, const char **Argv);

/// Does this argv look like a kbuild CHECK= call (compiler flags, no "--")?
bool isCheckerCall(int Argc, const char **Argv);

} // namespace klp

#endif
