/* SPDX-License-Identifier: GPL-2.0-only */
//===- ArgumentAdjuster.h - Make kbuild command lines parseable -*- C++ -*-===//
//
// kbuild hands gcc (and sparse, in CHECK= mode) flags clang rejects, and
// dependency-file flags a checker must never honour. This turns such a
// command line into one clang parses exactly like the compiler would see it
// (docs/kbuild.md#checker-make-c12-checkklp-lint, docs/usage.md#compiler-arguments). Plain strings, no Clang types.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_LINT_ARGUMENTADJUSTER_H
#define KLP_LINT_ARGUMENTADJUSTER_H

#include <string>
#include <vector>

namespace klp {

struct AdjustOptions {
  /// Extra exact arguments to drop (--removed-arg).
  std::vector<std::string> Removed;
  /// Appended after the command (--extra-arg).
  std::vector<std::string> Extra;
  /// clang's builtin headers directory.
  std::string ResourceDir;
};

/// \p Command is argv of a compile command, argv[0] the compiler. The input
/// file stays where it is; argv[0] becomes "clang".
std::vector<std::string> adjustArguments(const std::vector<std::string> &Command,
                                         const AdjustOptions &Opts);

/// The value of -DKBUILD_MODNAME=... in \p Command, unquoted, or "".
std::string kbuildModName(const std::vector<std::string> &Command);

} // namespace klp

#endif
