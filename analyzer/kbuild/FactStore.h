/* SPDX-License-Identifier: GPL-2.0-only */
//===- FactStore.h - A translation unit's facts on disk --------*- C++ -*-===//
//
// In kbuild (wrapper and CHECK=) mode every translation unit is a separate
// process, so each one stores its TUFacts next to its object and the
// module-scope checks join them per KBUILD_MODNAME once the module is
// complete. A facts file records the files the facts were derived from (the
// TU's source and every header it read, with size and modification time):
// it is reused only while none of them changed. The name matches kbuild's
// clean rules ('.*.d'), so `make clean` removes it.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_KBUILD_FACTSTORE_H
#define KLP_KBUILD_FACTSTORE_H

#include "model/Module.h"

#include <llvm/Support/Error.h>

#include <cstdint>
#include <string>
#include <vector>

namespace klp {

/// A file the facts were derived from, as it was when they were written.
struct FactDep {
  std::string Path;
  uint64_t Size = 0;
  int64_t MTime = 0;
};

struct StoredFacts {
  /// The TU has no livepatch code and was not parsed (prefilter).
  bool Skipped = false;
  TUFacts Facts;
  std::vector<FactDep> Deps;

  /// Every file the facts were derived from is as it was then.
  bool fresh() const;
};

/// Where the facts of the TU compiled to \p Object are kept: beside it, as
/// kbuild keeps ".<obj>.cmd" (dir/.foo.o.klp-facts.d).
std::string factsPathFor(const std::string &Object);

/// Write the facts of a TU: \p Facts (with \p Facts.Inputs the files it was
/// derived from) or, with \p Skipped, only that \p Source has no livepatch
/// code. Atomic (a concurrent make -j reader never sees half a file).
llvm::Error writeFacts(const std::string &Path, const TUFacts &Facts,
                       bool Skipped, const std::string &Source = "");

/// Read facts. A missing file is an error of its own kind (isMissing());
/// a damaged one says where it is damaged.
llvm::Expected<StoredFacts> readFacts(const std::string &Path);
bool isMissing(const llvm::Error &E);

/// The facts of a module's members (kbuild's "<module>.mod" lists them),
/// each read and checked to be fresh (every file it was derived from
/// unchanged). Missing or stale facts leave the module Incomplete, with
/// \p Missing naming the member; damaged facts are Damaged, with
/// \p Missing the facts file and \p Damage what is wrong with it. A member
/// built from something other than C (assembler, a prebuilt object) never
/// has facts and has no livepatch code to join.
enum class JoinState { Complete, Incomplete, Damaged };
JoinState joinFacts(const std::vector<std::string> &Objects,
                    std::vector<TUFacts> &Out, std::string &Missing,
                    std::string &Damage);

} // namespace klp

#endif
