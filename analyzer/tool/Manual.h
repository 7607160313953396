/* SPDX-License-Identifier: GPL-2.0-only */
//===- Manual.h - The man page and shell completion ------------*- C++ -*-===//
//
// Generated from the one option table (Options.cpp), so that --help, the
// installed klp-lint.1 and the bash completion never disagree.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_TOOL_MANUAL_H
#define KLP_TOOL_MANUAL_H

#include <llvm/Support/raw_ostream.h>

namespace klp {

/// klp-lint.1 (roff, man(7) macros): every visible option of klp-lint's
/// category with its help text, the environment, the exit status.
void printManPage(llvm::raw_ostream &OS);

/// A bash completion script for klp-lint: its options, and the values of
/// --checks, --warnings-as-errors, --explain, --format and --target-api.
void printBashCompletion(llvm::raw_ostream &OS);

} // namespace klp

#endif
