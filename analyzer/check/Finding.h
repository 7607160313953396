/* SPDX-License-Identifier: GPL-2.0-only */
//===- Finding.h - What a check reports ------------------------*- C++ -*-===//

#ifndef KLP_CHECK_FINDING_H
#define KLP_CHECK_FINDING_H

#include "model/Loc.h"

#include <optional>
#include <string>
#include <vector>

namespace klp {

enum class Severity { Note, Warning, Error };

/// "note", "warning", "error": the one severity table (text, JSON, SARIF
/// levels and configuration values all use these names).
const char *severityName(Severity S);
std::optional<Severity> parseSeverity(llvm::StringRef Name);

struct Note {
  Loc Where;
  std::string Message;
};

/// Replace \p Length bytes at \p Where.Offset of Where.File by \p Text.
struct FixIt {
  Loc Where;
  unsigned Length = 0;
  std::string Text;
};

struct Finding {
  std::string Check;
  Severity Level = Severity::Warning;
  Loc Where;
  std::string Message;
  std::vector<Note> Notes;
  bool Promoted = false; ///< Turned into an error by --warnings-as-errors.
  std::vector<FixIt> Fixes;
  std::string Fingerprint; ///< Set when the finding is admitted to a report.
};

/// The one order of findings everywhere: file, line, column; stable for
/// findings at the same place.
void sortFindings(std::vector<Finding> &Findings);

} // namespace klp

#endif
