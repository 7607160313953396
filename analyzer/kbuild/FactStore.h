//===- FactStore.h - A translation unit's facts on disk --------*- C++ -*-===//
//
// In kbuild (wrapper and CHECK=) mode every translation unit is a separate
// process, so each one stores its TUFacts next to its object file and the
// module-scope checks join them per KBUILD_MODNAME once the module is
// complete. Rebuilding a TU overwrites its file; a TU no longer listed in the
// module's member list is simply not read.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_LINT_FACTSTORE_H
#define KLP_LINT_FACTSTORE_H

#include "model/Module.h"

#include <optional>
#include <string>

namespace klp {

/// Where the facts of the TU compiled to \p Object are kept: beside it, as
/// kbuild keeps ".<obj>.cmd" (e.g. dir/.foo.o.klp-facts).
std::string factsPathFor(const std::string &Object);

/// Write \p Facts (Skipped: the TU has no livepatch code and was not parsed).
/// Returns false and sets \p Error on failure.
bool writeFacts(const std::string &Path, const TUFacts &Facts, bool Skipped,
                std::string &Error);

/// Read facts; std::nullopt if missing or unreadable. \p Skipped is set for a
/// TU that the prefilter skipped.
std::optional<TUFacts> readFacts(const std::string &Path, bool &Skipped);

} // namespace klp

#endif
